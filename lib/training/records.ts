/**
 * Personal records for one exercise: heaviest weight, best estimated 1RM, best set volume
 * (weight × reps), and the "bests per rep count" table of the progress page.
 *
 * A record must beat the previous best strictly (a tie is not a record). The very first set of an
 * exercise sets every record it can, with `previous: null`, so the UI can say "first time" instead of
 * "+2.5 kg". The caller passes every earlier set of the exercise, including earlier sets of the
 * session in progress, so the second heavy set of a day is compared with the first.
 */
import { estimateOneRepMax } from "./one-rep-max";
import { RECORD_KINDS, RECORD_LABELS, type RecordKind } from "./record-kinds";
import { countsAsWork, type LoggedSet } from "./set";

export { RECORD_KINDS, RECORD_LABELS, type RecordKind };

/** What a record's value is measured in. */
export const RECORD_UNITS: Record<RecordKind, "kg" | "kg_reps" | "seconds" | "metres" | "metres_per_second"> = {
  heaviest_weight: "kg",
  best_estimated_one_rep_max: "kg",
  best_set_volume: "kg_reps",
  longest_hold: "seconds",
  longest_distance: "metres",
  best_pace: "metres_per_second",
};

export type PersonalRecord = {
  kind: RecordKind;
  /** In RECORD_UNITS[kind]: kilograms for weight and 1RM, kilogram-reps for volume, seconds, metres, m/s. */
  value: number;
  /** The best before this set, or null when nothing earlier counted. */
  previous: number | null;
  label: string;
  /** For the 1RM record: the formula used, e.g. "Brzycki, adjusted for RPE 8". */
  formula?: string;
};

export type PersonalBests = Record<RecordKind, number | null>;

// Weights are stored with two decimals; anything closer than this is the same number.
const EPSILON = 1e-9;

const positive = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n) && n > 0;

const NO_RECORDS = (): PersonalBests => ({
  heaviest_weight: null,
  best_estimated_one_rep_max: null,
  best_set_volume: null,
  longest_hold: null,
  longest_distance: null,
  best_pace: null,
});

/**
 * What a set contributes to each record, or null where it cannot count. Warm-ups and missed attempts
 * count for nothing.
 * Load records need reps and a load; estimated 1RMs past 12 effective reps are too rough to be
 * records: 40 kg × 25 would otherwise "beat" a real heavy triple. A time alone is a hold; a distance
 * is a distance, and with a time too it has a pace (metres per second: higher is faster).
 */
export function recordValues(set: LoggedSet): PersonalBests & { formula: string | null } {
  const values = { ...NO_RECORDS(), formula: null as string | null };
  if (!countsAsWork(set)) return values;
  const seconds = positive(set.seconds) ? set.seconds : null;
  const distance = positive(set.distanceM) ? set.distanceM : null;
  if (distance !== null) {
    values.longest_distance = distance;
    if (seconds !== null) values.best_pace = distance / seconds;
  } else if (seconds !== null) {
    values.longest_hold = seconds;
  }
  const counts = Number.isFinite(set.weightKg) && set.weightKg > 0 && Number.isFinite(set.reps) && set.reps >= 1;
  if (!counts) return values;
  const estimate = estimateOneRepMax(set);
  const usable = estimate !== null && estimate.reliable;
  return {
    ...values,
    heaviest_weight: set.weightKg,
    best_estimated_one_rep_max: usable ? estimate.valueKg : null,
    best_set_volume: set.weightKg * set.reps,
    formula: usable ? estimate.label : null,
  };
}

/** The best of each record kind over these sets (null where no set counts). */
export function personalBests(sets: readonly LoggedSet[]): PersonalBests {
  const bests: PersonalBests = NO_RECORDS();
  for (const set of sets) {
    const values = recordValues(set);
    for (const kind of RECORD_KINDS) {
      const value = values[kind];
      const best = bests[kind];
      if (value !== null && (best === null || value > best)) bests[kind] = value;
    }
  }
  return bests;
}

/** The records `newSet` sets against every earlier set of the same exercise, in RECORD_KINDS order. */
export function detectPersonalRecords(previousSets: readonly LoggedSet[], newSet: LoggedSet): PersonalRecord[] {
  const before = personalBests(previousSets);
  const values = recordValues(newSet);
  const records: PersonalRecord[] = [];
  for (const kind of RECORD_KINDS) {
    const value = values[kind];
    const previous = before[kind];
    if (value === null || (previous !== null && value <= previous + EPSILON)) continue;
    const record: PersonalRecord = { kind, value, previous, label: RECORD_LABELS[kind] };
    if (kind === "best_estimated_one_rep_max" && values.formula) record.formula = values.formula;
    records.push(record);
  }
  return records;
}

export type RepCountBest<T extends LoggedSet> = {
  reps: number;
  /** The heaviest set at this rep count; the earliest one when several tie. */
  best: T;
  estimatedOneRepMaxKg: number | null;
};

/**
 * "Bests per rep count": for each rep count performed, the heaviest set done for exactly that many
 * reps, ordered by reps. Pass sets oldest first so that ties keep the first time the weight was done.
 * Sets with no reps, warm-ups and missed attempts are left out; bodyweight sets (0 kg) still show which rep counts were reached.
 */
export function bestsByRepCount<T extends LoggedSet>(sets: readonly T[]): RepCountBest<T>[] {
  const byReps = new Map<number, T>();
  for (const set of sets) {
    if (!countsAsWork(set) || !Number.isInteger(set.reps) || set.reps < 1 || !Number.isFinite(set.weightKg) || set.weightKg < 0)
      continue;
    const current = byReps.get(set.reps);
    if (current === undefined || set.weightKg > current.weightKg + EPSILON) byReps.set(set.reps, set);
  }
  return [...byReps.entries()]
    .sort(([a], [b]) => a - b)
    .map(([reps, best]) => ({ reps, best, estimatedOneRepMaxKg: estimateOneRepMax(best)?.valueKg ?? null }));
}
