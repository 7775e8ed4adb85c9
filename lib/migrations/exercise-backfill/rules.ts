/**
 * The exercise backfill's rules, from the old system's guide: exercises imported before difficulty
 * existed get one from their type, and an empty equipment list becomes the type itself.
 */
import { describeJson, quoted } from "@/lib/migrations/json";
import type { RowOutcome } from "@/lib/migrations/outcome";
import { EXERCISE_TYPES, type ExerciseType } from "@/lib/training/types";

/**
 * barbell 3, dumbbell 2, bodyweight 1: the old guide's difficulty by type. The guide predates the
 * other types (legacy rows never hold them); they are rated as the library rates most of its own.
 */
export const DIFFICULTY_BY_TYPE: Record<ExerciseType, number> = {
  barbell: 3,
  dumbbell: 2,
  bodyweight: 1,
  kettlebell: 2,
  band: 1,
  cable: 1,
  machine: 1,
};

/**
 * What an empty equipment list becomes: `[type]`, word for word from the old guide. Note that
 * lib/equipment.ts names items differently ("dumbbells", and bodyweight needs no item), so the
 * backfilled value is the guide's, not an item list; change it here if the guide is revised.
 */
export function backfilledEquipment(type: ExerciseType): string[] {
  return [type];
}

export interface ExerciseBackfillInput {
  type: unknown;
  /** NULL (`null` or `undefined`) means it was never set. */
  difficulty: unknown;
  equipmentRequired: unknown;
}

export type ExerciseBackfillOutcome =
  | { status: "skipped" }
  | { status: "migrated"; newDifficulty?: number; newEquipmentRequired?: string[] }
  | { status: "error"; error: string };

function isExerciseType(value: unknown): value is ExerciseType {
  return typeof value === "string" && (EXERCISE_TYPES as readonly string[]).includes(value);
}

function isDifficulty(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 3;
}

/** Classify one exercise. Total: returns an outcome for any input. */
export function classifyExerciseBackfill(input: ExerciseBackfillInput): ExerciseBackfillOutcome {
  const { type, difficulty, equipmentRequired } = input;
  if (!isExerciseType(type)) {
    return { status: "error", error: `type ${quoted(type)} is not one of ${EXERCISE_TYPES.join(", ")}` };
  }
  const unset = difficulty === null || difficulty === undefined;
  if (!unset && !isDifficulty(difficulty)) {
    return { status: "error", error: `difficulty ${quoted(difficulty)} is not 1, 2 or 3` };
  }
  if (!Array.isArray(equipmentRequired)) {
    return { status: "error", error: `equipment_required is ${describeJson(equipmentRequired)}, expected a list` };
  }
  const newDifficulty = unset ? DIFFICULTY_BY_TYPE[type] : undefined;
  const newEquipmentRequired = equipmentRequired.length === 0 ? backfilledEquipment(type) : undefined;
  if (newDifficulty === undefined && newEquipmentRequired === undefined) return { status: "skipped" };
  return {
    status: "migrated",
    ...(newDifficulty !== undefined ? { newDifficulty } : {}),
    ...(newEquipmentRequired !== undefined ? { newEquipmentRequired } : {}),
  };
}

/** The exercise columns the migration reads; the name is read for the report only. */
export interface ExerciseColumns extends ExerciseBackfillInput {
  name: string;
}

/** The migration's classifier: the backfill verdict as the columns it changes, with name and type for the report. */
export function classifyExercise(row: ExerciseColumns): RowOutcome {
  const outcome = classifyExerciseBackfill(row);
  const before: Record<string, unknown> = { name: row.name, type: row.type, difficulty: row.difficulty };
  if (row.equipmentRequired !== undefined) before.equipment_required = row.equipmentRequired;
  switch (outcome.status) {
    case "skipped":
      return { status: "skipped" };
    case "error":
      return { status: "error", before, reason: outcome.error };
    case "migrated":
      return {
        status: "migrated",
        before,
        after: {
          ...(outcome.newDifficulty !== undefined ? { difficulty: outcome.newDifficulty } : {}),
          ...(outcome.newEquipmentRequired !== undefined ? { equipment_required: outcome.newEquipmentRequired } : {}),
        },
      };
  }
}
