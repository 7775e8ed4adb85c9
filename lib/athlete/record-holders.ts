/**
 * The few sets that hold an athlete's records for one exercise. lib/training/records compares a new
 * set with the best of each record kind, so these (at most three) sets stand in for the whole
 * history: the logger receives them with the page and detects records in the browser, even offline.
 */
import { estimateOneRepMax } from "@/lib/training/one-rep-max";
import { personalBests } from "@/lib/training/records";
import type { LoggedSet } from "@/lib/training/types";

/** The sets holding the heaviest weight, the best reliable e1RM and the best set volume. */
export function recordHolders<T extends LoggedSet>(sets: readonly T[]): T[] {
  const bests = personalBests(sets);
  const heaviest = sets.find((s) => bests.heaviest_weight !== null && s.weightKg === bests.heaviest_weight && s.reps >= 1);
  const volume = sets.find((s) => bests.best_set_volume !== null && s.weightKg * s.reps === bests.best_set_volume);
  const strongest = sets.find((s) => {
    const estimate = estimateOneRepMax(s);
    return estimate !== null && estimate.reliable && estimate.valueKg === bests.best_estimated_one_rep_max;
  });
  return [...new Set([heaviest, strongest, volume].filter((s): s is T => s !== undefined))];
}
