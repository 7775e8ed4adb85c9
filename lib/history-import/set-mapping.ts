/**
 * The one place an imported set becomes a stored set: reps, weight (kilograms), RPE, notes, its type
 * (warm-up, drop, failure), its time and its distance (metres), and where an exercise name's own
 * exercise is created, what it measures. Weights and distances the file does not label take the
 * athlete's unit (kilograms with kilometres, pounds with miles, as Strong exports them). Values past
 * what a set may hold are left empty, never cut to the limit.
 */
import { EXERCISE_TYPES, type ExerciseMeasure, type ExerciseType } from "@/lib/training/types";
import { MAX_REPS, MAX_SET_METRES, MAX_SET_SECONDS, MAX_WEIGHT_KG, recordsSomething, type SetValues } from "@/lib/training/set";
import { toStoredKg, type WeightUnit } from "@/lib/training/units";
import type { DistanceUnitInFile } from "./rows";
import type { StoredSet } from "./stored";

/** An imported set's values, ready to store, with the note the file gave it. */
export type StoredSetValues = SetValues & { notes: string | null };

/** The values a set may hold only up to a limit (lib/training/set), checked before storing. */
const RANGED_FIELDS = ["weightKg", "reps", "seconds", "distanceM"] as const;
export type RangedField = (typeof RANGED_FIELDS)[number];
const SET_LIMITS: Record<RangedField, number> = {
  weightKg: MAX_WEIGHT_KG,
  reps: MAX_REPS,
  seconds: MAX_SET_SECONDS,
  distanceM: MAX_SET_METRES,
};

const METRES: Record<DistanceUnitInFile, number> = { m: 1, km: 1000, mi: 1609.344 };

const positive = (value: number | null | undefined) => value != null && value > 0;

/** Why a set read from the file cannot be stored (lib/training/set: what a set may hold), or null when it can. */
export function unstorableReason(
  set: Pick<StoredSet, "reps" | "weight" | "seconds" | "distance"> & { missed?: boolean },
): string | null {
  const values = {
    reps: set.reps ?? 0,
    weightKg: set.weight ?? 0,
    seconds: set.seconds ?? null,
    distanceM: set.distance ?? null,
    missed: set.missed ?? false,
  };
  return recordsSomething(values) ? null : "The set has no reps, weight, time or distance.";
}

/** A set's values as the file says them, in kilograms and metres, whatever their size. */
function convertedValues(set: StoredSet, unitWhereUnsaid: WeightUnit): StoredSetValues {
  const unit: WeightUnit = set.weightUnit ?? unitWhereUnsaid;
  const distanceUnit: DistanceUnitInFile = set.distanceUnit ?? (unitWhereUnsaid === "lb" ? "mi" : "km");
  return {
    reps: set.reps ?? 0,
    missed: set.missed ?? false,
    weightKg: toStoredKg(set.weight ?? 0, unit),
    rpe: set.rpe == null ? null : Math.round(set.rpe * 10) / 10,
    notes: set.notes ?? null,
    setType: set.setType,
    seconds: positive(set.seconds) ? Math.round(set.seconds!) : null,
    distanceM: positive(set.distance) ? Math.round(set.distance! * METRES[distanceUnit] * 100) / 100 : null,
  };
}

/** The values of a set past what a set may hold (a typo's 3310 reps, a 2,000 km run), in field order. */
export function fieldsBeyondLimits(set: StoredSet, unitWhereUnsaid: WeightUnit): RangedField[] {
  const values = convertedValues(set, unitWhereUnsaid);
  return RANGED_FIELDS.filter((field) => (values[field] ?? 0) > SET_LIMITS[field]);
}

/**
 * The stored values of a storable set; weights in the file's unit, or `unitWhereUnsaid` where it
 * names none. A value past its limit is left empty, never cut to the limit (the preview lists it as
 * worth a look); null when the set then records nothing.
 */
export function storedSetValues(set: StoredSet, unitWhereUnsaid: WeightUnit): StoredSetValues | null {
  const values = convertedValues(set, unitWhereUnsaid);
  for (const field of fieldsBeyondLimits(set, unitWhereUnsaid)) {
    if (field === "weightKg" || field === "reps") values[field] = 0;
    else values[field] = null;
  }
  return recordsSomething(values) ? values : null;
}

/** What an exercise records, from what its sets in the file hold. */
export function measureFromSets(flags: { reps: boolean; weight: boolean; seconds: boolean; distance: boolean }): ExerciseMeasure {
  if (flags.reps) return flags.weight ? "reps_load" : "reps";
  if (flags.distance) return flags.seconds ? "distance_time" : "distance";
  if (flags.seconds) return "time";
  return "reps_load";
}

/** An exercise type for a name the athlete creates as their own: the equipment it names, else bodyweight. */
export function exerciseTypeFromName(name: string): ExerciseType {
  const lower = name.toLowerCase();
  return (
    EXERCISE_TYPES.find((type) => type !== "bodyweight" && lower.includes(type)) ??
    (lower.includes("smith") ? "machine" : "bodyweight")
  );
}

/** Superset ids as the file writes them ("0", "a"…), numbered 1, 2, 3… within a workout. */
export function supersetGroups(ids: readonly (string | null)[]): (number | null)[] {
  const numbers = new Map<string, number>();
  return ids.map((id) => {
    if (id === null) return null;
    if (!numbers.has(id)) numbers.set(id, Math.min(100, numbers.size + 1));
    return numbers.get(id)!;
  });
}
