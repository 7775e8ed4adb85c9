/** The shape of a built-in library exercise, shared by the library's modules. */
import type { EquipmentItem, GYM_ONLY_EQUIPMENT } from "../../lib/equipment";
import type { Difficulty, ExerciseMeasure, ExerciseType } from "../../lib/training/types";
import type { MuscleName } from "./muscles";

export type EquipmentName = EquipmentItem | (typeof GYM_ONLY_EQUIPMENT)[number];
export type SeedMuscleRating = { readonly muscle: MuscleName; readonly activation: number };

export type SeedExercise = {
  readonly name: string;
  readonly type: ExerciseType;
  readonly difficulty: Difficulty;
  readonly equipmentRequired: readonly EquipmentName[];
  /** What a set records; weight × reps when left out. */
  readonly measure?: ExerciseMeasure;
  /** A short coaching cue. */
  readonly notes: string;
  /** Highest rating first. */
  readonly muscles: readonly SeedMuscleRating[];
};

/** Ratings written as { muscle: rating }, the readable way; listed highest first. */
export function works(ratings: Partial<Record<MuscleName, number>>): SeedMuscleRating[] {
  return (Object.entries(ratings) as [MuscleName, number][])
    .map(([muscle, activation]) => ({ muscle, activation }))
    .sort((a, b) => b.activation - a.activation);
}

/** One exercise in a line: name, type, difficulty, equipment, cue, ratings and (optionally) measure. */
export function exercise(
  name: string,
  type: ExerciseType,
  difficulty: Difficulty,
  equipmentRequired: readonly EquipmentName[],
  notes: string,
  ratings: Partial<Record<MuscleName, number>>,
  measure?: ExerciseMeasure,
): SeedExercise {
  return { name, type, difficulty, equipmentRequired, notes, muscles: works(ratings), ...(measure ? { measure } : {}) };
}
