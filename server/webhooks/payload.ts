import "server-only";
import type { DbOrTx } from "@/db/client";
import type { SessionSnapshot } from "@/lib/athlete/session-sync";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { sessionSnapshot } from "@/server/queries/session-snapshot";

/** A workout as events carry it: the session, its exercises in order, each with its sets in order. */
export function workoutShape(s: SessionSnapshot) {
  return {
    id: s.id,
    uid: s.uid,
    name: s.name,
    notes: s.notes || null,
    finished_at: s.finishedAt,
    duration_seconds: s.durationSeconds,
    exercises: s.exercises.map((e) => ({
      id: e.id,
      exercise_id: e.exerciseId,
      name: e.exerciseName,
      position: e.position,
      superset_group: e.supersetGroup,
      sets: s.sets
        .filter((set) => set.slotId === e.id)
        .map((set) => ({
          id: set.id,
          position: set.position,
          set_type: set.setType,
          weight_kg: set.weightKg,
          reps: set.reps,
          seconds: set.seconds,
          distance_m: set.distanceM,
          rpe: set.rpe,
          missed: set.missed,
        })),
    })),
  };
}

export interface WebhookEventBody {
  id: string;
  type: WebhookEventType;
  created_at: string;
  data: Record<string, unknown>;
}

/** The data of a workout event: the workout as it stands in this transaction. */
export async function workoutEventData(tx: DbOrTx, userId: number, sessionId: number): Promise<Record<string, unknown> | null> {
  const snapshot = await sessionSnapshot(tx, userId, sessionId);
  return snapshot ? { workout: workoutShape(snapshot) } : null;
}
