/**
 * The exercise backfill's rules, kept from the old system (docs/operator-guide.md, "Exercise
 * backfill"): exercises imported before difficulty existed get one from their type, and an empty
 * equipment list becomes the type itself.
 */
import { describeJson, quoted } from "@/lib/migrations/json";
import type { RowOutcome } from "@/lib/migrations/outcome";
import { EXERCISE_TYPES, type ExerciseType } from "@/lib/training/types";

/**
 * barbell 3, dumbbell 2, bodyweight 1: the old system's difficulty by type. It had no other types
 * (legacy rows never hold them); they are rated as the library rates most of its own.
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
 * What an empty equipment list becomes: `[type]`, the old system's value. lib/equipment.ts names
 * items differently ("dumbbells", and bodyweight needs no item), so this is not an item list; it is
 * kept as it was so old and new rows agree (docs/operator-guide.md, "Exercise backfill").
 */
export function backfilledEquipment(type: ExerciseType): string[] {
  return [type];
}

/** The exercise columns the migration reads; the name is read for the report only. */
export interface ExerciseColumns {
  name: string;
  type: unknown;
  /** NULL (`null` or `undefined`) means it was never set. */
  difficulty: unknown;
  equipmentRequired: unknown;
}

function isExerciseType(value: unknown): value is ExerciseType {
  return typeof value === "string" && (EXERCISE_TYPES as readonly string[]).includes(value);
}

function isDifficulty(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 3;
}

/**
 * Classify one exercise. Total: returns an outcome for any input. Name and type are recorded as
 * they were, for the report.
 */
export function classifyExercise(row: ExerciseColumns): RowOutcome<ExerciseColumns> {
  const { type, difficulty, equipmentRequired } = row;
  const before = { name: row.name, type, difficulty, equipmentRequired };
  if (!isExerciseType(type)) {
    return { status: "error", before, reason: `type ${quoted(type)} is not one of ${EXERCISE_TYPES.join(", ")}` };
  }
  const unset = difficulty === null || difficulty === undefined;
  if (!unset && !isDifficulty(difficulty)) {
    return { status: "error", before, reason: `difficulty ${quoted(difficulty)} is not 1, 2 or 3` };
  }
  if (!Array.isArray(equipmentRequired)) {
    return { status: "error", before, reason: `equipment_required is ${describeJson(equipmentRequired)}, expected a list` };
  }
  const after: Partial<ExerciseColumns> = {};
  if (unset) after.difficulty = DIFFICULTY_BY_TYPE[type];
  if (equipmentRequired.length === 0) after.equipmentRequired = backfilledEquipment(type);
  return Object.keys(after).length === 0 ? { status: "skipped" } : { status: "migrated", before, after };
}
