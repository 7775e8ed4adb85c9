/**
 * Saving sets in tests the way the logger does: new sets with fresh identities, in the session's slot
 * for their exercise (a planned one, or a new slot), through the same schema the route parses.
 */
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { sessionSaveSchema, type SaveResult, type SessionSaveInput } from "@/lib/athlete/session-sync";
import { toStoredKg, type WeightUnit } from "@/lib/training/units";
import type { SetType } from "@/lib/training/types";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { saveSessionChanges } from "@/server/services/sessions";

export type TestSet = {
  exerciseId: number;
  weight: number;
  reps: number;
  rpe?: number | null;
  missed?: boolean;
  setType?: SetType;
  seconds?: number | null;
  distanceM?: number | null;
};

export type LogOptions = {
  finished?: boolean;
  unit?: WeightUnit;
  name?: string;
  notes?: string;
  durationMinutes?: number | null;
  at?: number;
};

/** The save input that appends `sets` to the session as it stands now. */
export async function appendSetsInput(
  db: DbOrTx,
  userId: number,
  sessionId: number,
  sets: readonly TestSet[],
  options: LogOptions = {},
): Promise<SessionSaveInput> {
  const snapshot = await sessionSnapshot(db, userId, sessionId);
  if (!snapshot) throw new Error(`session ${sessionId} not found`);
  const at = options.at ?? Date.now();
  const slots = new Map(snapshot.exercises.map((e) => [e.exerciseId, e.id]));
  const exercises: NonNullable<SessionSaveInput["exercises"]> = [];
  const counts = new Map<string, number>();
  for (const s of snapshot.sets) counts.set(s.slotId, Math.max(counts.get(s.slotId) ?? 0, s.position + 1));
  const changes = sets.map((set) => {
    let slotId = slots.get(set.exerciseId);
    if (!slotId) {
      slotId = randomUUID();
      slots.set(set.exerciseId, slotId);
      exercises.push({
        id: slotId,
        exerciseId: set.exerciseId,
        position: snapshot.exercises.length + exercises.length,
        positionAt: at,
      });
    }
    const position = counts.get(slotId) ?? 0;
    counts.set(slotId, position + 1);
    return {
      id: randomUUID(),
      slotId,
      position,
      values: {
        weightKg: toStoredKg(set.weight, options.unit ?? "kg"),
        reps: set.reps,
        rpe: set.rpe ?? null,
        missed: set.missed ?? false,
        ...(set.setType ? { setType: set.setType } : {}),
        ...(set.seconds ? { seconds: set.seconds } : {}),
        ...(set.distanceM ? { distanceM: set.distanceM } : {}),
      },
      times: { weightKg: at, reps: at, rpe: at, missed: at, position: at },
    };
  });
  return {
    baseRevision: snapshot.revision,
    unit: options.unit ?? "kg",
    ...(options.name !== undefined ? { name: { value: options.name, at } } : {}),
    ...(options.notes !== undefined ? { notes: { value: options.notes, at } } : {}),
    ...(options.durationMinutes !== undefined ? { durationMinutes: { value: options.durationMinutes, at } } : {}),
    finish: options.finished ?? false,
    exercises,
    sets: changes,
  };
}

/** Append sets to a session and save, as one device would. */
export async function logSets(
  db: DbOrTx,
  userId: number,
  sessionId: number,
  sets: readonly TestSet[],
  options: LogOptions = {},
): Promise<SaveResult> {
  const input = await appendSetsInput(db, userId, sessionId, sets, options);
  return saveSessionChanges(db, userId, sessionId, sessionSaveSchema.parse(input));
}
