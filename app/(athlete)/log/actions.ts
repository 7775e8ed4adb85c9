"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { deleteSession, finishSession, startSession, WorkoutInProgressError } from "@/server/services/sessions";
import { listExerciseOptions } from "@/server/queries/exercises";
import { athleteAction } from "@/server/auth/guards";
import type { ExerciseContext } from "@/lib/athlete/exercise-context";
import { NotFoundError } from "@/lib/errors";
import { loggingContext, sessionStartedAt } from "@/server/queries/sessions";
import { idSchema, jsonId } from "@/lib/ids";
import { formatDay } from "@/components/athlete/format";
import { requestTimeZone } from "@/server/athlete-page";

const optionalId = z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), idSchema.optional());

/**
 * Start a session, from a split day or empty, and open the logger on it. With a workout already in
 * progress, the log page offers to resume, finish or discard it instead of opening a second one.
 */
export const startSessionAction = athleteAction(z.object({ splitDayId: optionalId }), async ({ splitDayId }, user) => {
  let id: number;
  try {
    id = await startSession(await getDb(), user.id, { splitDayId });
  } catch (error) {
    if (error instanceof WorkoutInProgressError) redirect(`/log?inProgress=${error.sessionId}`);
    throw error;
  }
  redirect(`/log/${id}`);
});

/** Finish a workout in progress as it stands (before starting another). */
export const finishSessionAction = athleteAction(z.object({ sessionId: idSchema }), async ({ sessionId }, user) => {
  if (!(await finishSession(await getDb(), user.id, sessionId))) throw new NotFoundError("That session");
  revalidatePath("/log");
  redirect("/log?finished=1");
});

/**
 * Delete a session (discarding one in progress, or a past one from history), then go to `redirectTo`.
 * Without it the action answers success and stays: the logger first lets go of its copy on the device.
 */
export const deleteSessionAction = athleteAction(
  z.object({ sessionId: idSchema, redirectTo: z.enum(["/log", "/history"]).optional() }),
  async ({ sessionId, redirectTo }, user) => {
    if (!(await deleteSession(await getDb(), user.id, sessionId))) throw new NotFoundError("That session");
    revalidatePath("/history");
    if (redirectTo) redirect(redirectTo);
  },
);

/** What the logger needs when an exercise is added mid-session: last time's sets and the records to beat. */
export const exerciseContextAction = athleteAction(
  z.object({ sessionUid: z.guid("That session was not found."), exerciseId: jsonId("Choose an exercise.") }),
  async ({ sessionUid, exerciseId }, user) => {
    const db = await getDb();
    // A session started on the device that has not reached the server yet: its history is all before now.
    const session = (await sessionStartedAt(db, user.id, { uid: sessionUid })) ?? { id: 0, startedAt: new Date() };
    const [{ previous, records }, timeZone] = await Promise.all([
      loggingContext(db, user.id, [exerciseId], { sessionId: session.id, startedAt: session.startedAt }),
      requestTimeZone(),
    ]);
    const p = previous.get(exerciseId);
    const data: ExerciseContext = {
      previous: p
        ? {
            day: formatDay(p.startedAt, timeZone),
            sets: p.sets.map((s) => ({ weightKg: s.weightKg, reps: s.reps, rpe: s.rpe ?? null })),
          }
        : null,
      recordSets: (records.get(exerciseId) ?? []).map((s) => ({ weightKg: s.weightKg, reps: s.reps, rpe: s.rpe ?? null })),
    };
    return { status: "success", data };
  },
);

/** The athlete's exercise list for the logger's picker, fetched when it opens. */
export const exerciseOptionsAction = athleteAction(z.object({}), async (_input, user) => {
  return { status: "success", data: await listExerciseOptions(await getDb(), user.id) };
});
