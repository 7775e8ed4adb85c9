/**
 * The one place an imported set becomes a stored set. Ironlog's set model today holds reps, weight,
 * RPE and notes; a set with no reps (a timed or distance set) cannot be stored yet and is reported
 * instead, as is what the model has no place for. Kept in one module so that widening the set model
 * (set types, time and distance, supersets) changes only this file and its test.
 */
import { toStoredKg, type WeightUnit } from "@/lib/training/units";
import type { StoredSet } from "./stored";

export interface StoredSetValues {
  reps: number;
  missed: boolean;
  weightKg: number;
  rpe: number | null;
  notes: string | null;
}

/** numeric(7,2) holds up to 99,999.99 kg; the parser already refuses weights past 2,000. */
const MAX_WEIGHT_KG = 99_999.99;

/** Why a set read from the file cannot be stored, or null when it can. */
export function unstorableReason(set: Pick<StoredSet, "reps" | "seconds" | "distance">): string | null {
  if (set.reps != null && set.reps > 0) return null;
  if (set.seconds != null || set.distance != null) return "A timed or distance set without reps: Ironlog does not store those yet.";
  return "The set has no reps.";
}

/** The stored values of a storable set; weights in the file's unit, or `unitWhereUnsaid` where it names none. */
export function storedSetValues(set: StoredSet, unitWhereUnsaid: WeightUnit): StoredSetValues {
  const unit: WeightUnit = set.weightUnit ?? unitWhereUnsaid;
  return {
    reps: set.reps ?? 0,
    missed: false,
    weightKg: Math.min(MAX_WEIGHT_KG, toStoredKg(set.weight ?? 0, unit)),
    rpe: set.rpe == null ? null : Math.round(set.rpe * 10) / 10,
    notes: set.notes ?? null,
  };
}
