import "server-only";

/**
 * Finished workouts as Garmin FIT files: one workout's file, and a zip of every finished workout in a
 * range of days, streamed. Each takes the database and the athlete's id and reads only that athlete's
 * sessions, so any route (the session page's link, a token API) answers with one call.
 */
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { ZipFile } from "yazl";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { encodeWorkoutFit, workoutFitFileName } from "@/lib/fit/encode";
import { dayAfter, type FitRange } from "@/lib/fit/range";
import { downloadResponse, fileResponse } from "@/lib/http/download";
import { wallClockToInstant } from "@/lib/time-zone";
import type { WeightUnit } from "@/lib/training/units";
import { finishedSessionsBetween, getSession } from "@/server/queries/sessions";

export const FIT_MESSAGES = {
  notFound: "That session was not found.",
  inProgress: "This workout is still in progress: finish it, then download it for Garmin.",
  noneInRange: "No finished workouts between those days.",
} as const;

export const FIT_CONTENT_TYPE = "application/vnd.ant.fit";

async function weightUnitOf(db: DbOrTx, userId: number): Promise<WeightUnit> {
  const [user] = await db.select({ weightUnit: users.weightUnit }).from(users).where(eq(users.id, userId)).limit(1);
  return user?.weightUnit ?? "kg";
}

type WorkoutFit = { status: "ok"; filename: string; bytes: Uint8Array } | { status: "not-found" } | { status: "in-progress" };

/** One of the athlete's finished workouts as a FIT file; never another athlete's, never one still going. */
export async function workoutFit(db: DbOrTx, userId: number, sessionId: number, weightUnit?: WeightUnit): Promise<WorkoutFit> {
  const session = await getSession(db, userId, sessionId);
  if (!session) return { status: "not-found" };
  if (!session.finishedAt) return { status: "in-progress" };
  const bytes = encodeWorkoutFit(session, weightUnit ?? (await weightUnitOf(db, userId)));
  return { status: "ok", filename: workoutFitFileName(session), bytes };
}

/**
 * The answer to a request for one workout's FIT file: the file (200), 404 for no such session of this
 * athlete (another's is not found either, so ids say nothing), 409 in words for one still in progress.
 * `sessionId` is undefined for an id that is no id at all (a hand-edited URL).
 */
export async function workoutFitResponse(db: DbOrTx, userId: number, sessionId: number | undefined): Promise<Response> {
  const fit = sessionId === undefined ? ({ status: "not-found" } as const) : await workoutFit(db, userId, sessionId);
  if (fit.status === "not-found") return Response.json({ error: FIT_MESSAGES.notFound }, { status: 404 });
  if (fit.status === "in-progress") return Response.json({ error: FIT_MESSAGES.inProgress }, { status: 409 });
  return fitFileResponse(fit);
}

/** A FIT file as a download, named after its workout. */
export function fitFileResponse(fit: { filename: string; bytes: Uint8Array }): Response {
  return fileResponse(new Uint8Array(fit.bytes), { filename: fit.filename, contentType: FIT_CONTENT_TYPE });
}

/** The instants a range of calendar days in `timeZone` covers: from the first day's midnight to the midnight after the last. */
function rangeInstants(range: FitRange, timeZone: string): { from: Date; to: Date } {
  const midnight = (day: string) => {
    const [year, month, date] = day.split("-").map(Number);
    return wallClockToInstant({ year, month, day: date, hour: 0, minute: 0, second: 0 }, timeZone);
  };
  return { from: midnight(range.from), to: midnight(dayAfter(range.to)) };
}

/** How many finished workouts a range holds (the form says so before anything downloads). */
export async function finishedWorkoutsIn(db: DbOrTx, userId: number, range: FitRange, timeZone: string): Promise<number> {
  const { from, to } = rangeInstants(range, timeZone);
  return (await finishedSessionsBetween(db, userId, from, to)).length;
}

/**
 * Every finished workout of the range as a zip of FIT files, streamed with yazl: each workout is read
 * and encoded only when the zip reaches it and the client has taken what came before (the output is
 * piped with backpressure), so memory holds about one workout at a time whatever the range holds.
 * Null when the range holds none.
 */
export async function workoutsZipResponse(
  db: DbOrTx,
  userId: number,
  range: FitRange,
  timeZone: string,
): Promise<Response | null> {
  const { from, to } = rangeInstants(range, timeZone);
  const sessions = await finishedSessionsBetween(db, userId, from, to);
  if (sessions.length === 0) return null;
  const weightUnit = await weightUnitOf(db, userId);
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  let stopped = false;
  // A client that goes away destroys the output: the entries still queued must not query on, and
  // yazl's later writes to the destroyed stream must not become an uncaught error.
  output.on("close", () => (stopped = true));
  output.on("error", () => {});
  zip.on("error", (error: unknown) => {
    if (!stopped) console.error("FIT zip failed", error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  for (const session of sessions) {
    zip.addReadStreamLazy(workoutFitFileName(session), { mtime: session.startedAt }, (done) => {
      if (stopped) return done(new Error("The download was cancelled."), Readable.from([]));
      workoutFit(db, userId, session.id, weightUnit).then(
        (fit) =>
          fit.status === "ok"
            ? done(null, Readable.from([Buffer.from(fit.bytes)]))
            : done(new Error(`Session ${session.id} changed while its zip was written.`), Readable.from([])),
        (error: unknown) => done(error, Readable.from([])),
      );
    });
  }
  zip.end();
  return downloadResponse(output, {
    filename: `ironlog-garmin-${range.from}-to-${range.to}.zip`,
    contentType: "application/zip",
  });
}
