import "server-only";

/**
 * A workout as /api/v1 shows it (lib/api/workout.ts), read from what the logger reads; also what a
 * webhook event carries. Kept apart from the writes so that those (and the services they call) can
 * use it without importing each other.
 */
import type { DbOrTx } from "@/db/client";
import type { ApiWorkout } from "@/lib/api/workout";
import type { SessionSnapshot } from "@/lib/athlete/session-sync";
import type { SessionRef } from "@/lib/athlete/session-ref";
import { NotFoundError } from "@/lib/errors";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { sessionStartedAt } from "@/server/queries/sessions";

export const WORKOUT = "That workout";

export function apiWorkout(snapshot: SessionSnapshot, startedAt: Date): ApiWorkout {
  return {
    id: snapshot.id,
    uid: snapshot.uid,
    name: snapshot.name,
    notes: snapshot.notes,
    startedAt: startedAt.toISOString(),
    finishedAt: snapshot.finishedAt,
    durationSeconds: snapshot.durationSeconds,
    revision: snapshot.revision,
    exercises: snapshot.exercises.map((slot) => ({
      id: slot.id,
      exerciseId: slot.exerciseId,
      exerciseName: slot.exerciseName,
      measure: slot.measure,
      position: slot.position,
      supersetGroup: slot.supersetGroup,
      sets: snapshot.sets
        .filter((set) => set.slotId === slot.id)
        .map((set) => ({
          id: set.id,
          position: set.position,
          weightKg: set.weightKg,
          reps: set.reps,
          rpe: set.rpe,
          missed: set.missed,
          setType: set.setType,
          seconds: set.seconds,
          distanceM: set.distanceM,
        })),
    })),
  };
}

/** One of the caller's workouts, by key or uid; NotFoundError when absent or someone else's. */
export async function getWorkout(db: DbOrTx, userId: number, ref: SessionRef): Promise<ApiWorkout> {
  const [snapshot, started] = await Promise.all([sessionSnapshot(db, userId, ref), sessionStartedAt(db, userId, ref)]);
  if (!snapshot || !started) throw new NotFoundError(WORKOUT);
  return apiWorkout(snapshot, started.startedAt);
}
