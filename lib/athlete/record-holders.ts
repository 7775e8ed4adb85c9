/**
 * The few sets that hold an athlete's records for one exercise. lib/training/records compares a new
 * set with the best of each record kind, so these (at most one per kind) sets stand in for the whole
 * history: the logger receives them with the page and detects records in the browser, even offline.
 */
import { personalBests, RECORD_KINDS, recordValues } from "@/lib/training/records";
import type { LoggedSet } from "@/lib/training/set";

/** For each record kind, the first set holding its best (warm-ups never do). */
export function recordHolders<T extends LoggedSet>(sets: readonly T[]): T[] {
  const bests = personalBests(sets);
  const values = sets.map((s) => recordValues(s));
  const holders = RECORD_KINDS.map((kind) => {
    const best = bests[kind];
    if (best === null) return undefined;
    const index = values.findIndex((v) => v[kind] === best);
    return index < 0 ? undefined : sets[index];
  });
  return [...new Set(holders.filter((s): s is T => s !== undefined))];
}
