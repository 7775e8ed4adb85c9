/**
 * A logged set: one type, one name for each of its values, and the rules of what it may hold.
 *
 * Weights are kilograms and distances metres everywhere but on screen (the logger converts what the
 * athlete types in pounds before it leaves the field), so a name carries its unit: `weightKg`,
 * `seconds`, `distanceM`. The save contract, the merge, the snapshot, the queries, the history import
 * and export all use these names; the database columns keep theirs (db/schema/training.ts maps them
 * in SET_COLUMNS).
 *
 * The rules are plain functions (no zod), so the logger's page can check a set without shipping a
 * schema library; the server's zod schema (lib/athlete/session-sync.ts) is held to them by a property
 * test (set.test.ts).
 */
import type { ExerciseMeasure } from "./types";
import { SET_TYPES, type SetType } from "./set-types";

export const SET_FIELDS = ["weightKg", "reps", "rpe", "missed", "setType", "seconds", "distanceM"] as const;
export type SetField = (typeof SET_FIELDS)[number];

export type SetValues = {
  /** Kilograms; 0 for bodyweight only. Also the load of a carry or a weighted hold. */
  weightKg: number;
  /** 0 for a set measured by time, distance or weight alone. */
  reps: number;
  /** 1-10 in half steps, or null. */
  rpe: number | null;
  /** A failed attempt: it counts in powerlifting, and it is the only set that may record nothing. */
  missed: boolean;
  setType: SetType;
  /** Whole seconds, for a hold or a timed effort. */
  seconds: number | null;
  /** Metres, for a carry, a row, a run. */
  distanceM: number | null;
};

/**
 * A set as the training rules read it (records, volume, 1RM, suggestions): weight and reps always;
 * left out, the set type is normal, it was not missed, and there is no time or distance.
 */
export type LoggedSet = Pick<SetValues, "weightKg" | "reps"> & Partial<Omit<SetValues, "weightKg" | "reps">>;

/** The heaviest weight accepted from a device is far above any real lift (numeric(7,2) holds 99,999.99). */
export const MAX_WEIGHT_KG = 1500;
export const MAX_REPS = 1000;
export const MAX_SET_SECONDS = 86_400;
export const MAX_SET_METRES = 1_000_000;

/** Every message a set's check can give, so the browser and the server say the same words. */
export const SET_MESSAGES = {
  weight: "Enter the weight (0 for bodyweight).",
  weightNegative: "The weight cannot be negative.",
  weightLimit: "That weight is beyond any lift on record.",
  weightDecimals: "Use at most two decimals.",
  reps: "Enter the reps.",
  repsWhole: "Reps are whole numbers.",
  repsNegative: "Reps cannot be negative.",
  repsLimit: `Enter at most ${MAX_REPS} reps.`,
  rpe: "RPE runs from 1 to 10.",
  rpeStep: "Use whole or half RPE steps, like 8 or 8.5.",
  missed: "Missed is yes or no.",
  setType: "Choose normal, warm-up, drop or failure.",
  seconds: "Enter the time, like 90 or 1:30.",
  secondsWhole: "Enter whole seconds.",
  secondsLimit: "A set lasts at most 24 hours.",
  distance: "Enter the distance in metres.",
  distanceLimit: "Enter at most 1000 km.",
  distanceDecimals: "Use at most two decimals.",
  nothing: "Enter the reps, or mark the attempt as missed.",
} as const;

export type SetFieldErrors = Partial<Record<SetField, string>>;

/**
 * What a set may hold, decided here and enforced alike by the database (the
 * session_sets_records_something CHECK), the dump's row check and this module: reps, a time, a
 * distance, or a weight alone (a sled push with no count); or nothing at all but `missed`.
 */
export function recordsSomething(set: Pick<SetValues, "weightKg" | "reps" | "missed" | "seconds" | "distanceM">): boolean {
  return set.reps > 0 || set.missed || positive(set.seconds) || positive(set.distanceM) || set.weightKg > 0;
}

/** Which values a set of each measure is logged by: the logger asks for these and no others. */
export const MEASURE_FIELDS: Record<
  ExerciseMeasure,
  Pick<Record<SetField, boolean>, "weightKg" | "reps" | "seconds" | "distanceM">
> = {
  reps: { reps: true, weightKg: false, seconds: false, distanceM: false },
  reps_load: { reps: true, weightKg: true, seconds: false, distanceM: false },
  time: { reps: false, weightKg: false, seconds: true, distanceM: false },
  distance: { reps: false, weightKg: true, seconds: false, distanceM: true },
  distance_time: { reps: false, weightKg: false, seconds: true, distanceM: true },
};

const positive = (n: number | null | undefined): boolean => typeof n === "number" && n > 0;
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
/** Two decimals at most, allowing for binary fractions (0.1 + 0.2). */
export const hasAtMostTwoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
/** RPE is given in whole or half steps. */
export const isHalfStep = (n: number) => Math.abs(Math.round(n * 2) - n * 2) < 1e-9;

function weightError(value: unknown): string | undefined {
  if (!isNumber(value)) return SET_MESSAGES.weight;
  if (value < 0) return SET_MESSAGES.weightNegative;
  if (value > MAX_WEIGHT_KG) return SET_MESSAGES.weightLimit;
  if (!hasAtMostTwoDecimals(value)) return SET_MESSAGES.weightDecimals;
  return undefined;
}

function repsError(value: unknown): string | undefined {
  if (!isNumber(value)) return SET_MESSAGES.reps;
  if (!Number.isSafeInteger(value)) return SET_MESSAGES.repsWhole;
  if (value < 0) return SET_MESSAGES.repsNegative;
  if (value > MAX_REPS) return SET_MESSAGES.repsLimit;
  return undefined;
}

function rpeError(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (!isNumber(value) || value < 1 || value > 10) return SET_MESSAGES.rpe;
  if (!isHalfStep(value)) return SET_MESSAGES.rpeStep;
  return undefined;
}

function secondsError(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isNumber(value)) return SET_MESSAGES.seconds;
  if (!Number.isSafeInteger(value)) return SET_MESSAGES.secondsWhole;
  if (value < 1) return SET_MESSAGES.seconds;
  if (value > MAX_SET_SECONDS) return SET_MESSAGES.secondsLimit;
  return undefined;
}

function distanceError(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isNumber(value) || value <= 0) return SET_MESSAGES.distance;
  if (value > MAX_SET_METRES) return SET_MESSAGES.distanceLimit;
  if (!hasAtMostTwoDecimals(value)) return SET_MESSAGES.distanceDecimals;
  return undefined;
}

/**
 * The field errors of a set's values, or none: the one check of a set, shared by the logger (as the
 * athlete types) and, through the zod schema held to it, the server. Given the exercise's measure,
 * the values it is logged by must be filled (a plank needs its seconds, a press its reps) unless the
 * attempt was missed.
 */
export function setValueErrors(values: Readonly<Record<string, unknown>>, measure?: ExerciseMeasure): SetFieldErrors {
  const errors: SetFieldErrors = {};
  const put = (field: SetField, message: string | undefined) => {
    if (message && !errors[field]) errors[field] = message;
  };
  put("weightKg", weightError(values.weightKg));
  put("reps", repsError(values.reps));
  put("rpe", rpeError(values.rpe));
  if (typeof values.missed !== "boolean") put("missed", SET_MESSAGES.missed);
  if (values.setType !== undefined && !(SET_TYPES as readonly unknown[]).includes(values.setType))
    put("setType", SET_MESSAGES.setType);
  put("seconds", secondsError(values.seconds));
  put("distanceM", distanceError(values.distanceM));
  if (Object.keys(errors).length) return errors;

  const set = values as SetValues;
  const missed = set.missed;
  if (!recordsSomething({ ...set, seconds: set.seconds ?? null, distanceM: set.distanceM ?? null })) {
    put("reps", SET_MESSAGES.nothing);
  }
  if (measure && !missed) {
    const fields = MEASURE_FIELDS[measure];
    if (fields.seconds && !positive(set.seconds)) put("seconds", SET_MESSAGES.seconds);
    if (fields.distanceM && !positive(set.distanceM)) put("distanceM", SET_MESSAGES.distance);
    // A set of a lift counts its reps: 0 is a missed attempt, not a set.
    if (fields.reps && set.reps === 0) put("reps", SET_MESSAGES.nothing);
    if (!fields.reps && (fields.seconds || fields.distanceM)) delete errors.reps;
  }
  return errors;
}

/**
 * The names a set's values went by before each carried its unit: `weight` and `distance` (in field
 * times, a device's queued changes and dumps of format 4 and older) and the snapshot's
 * `durationSeconds`. Kept so that what an older release wrote is read as it was meant.
 */
const PREVIOUS_SET_FIELD_NAMES: Readonly<Record<string, SetField>> = {
  weight: "weightKg",
  distance: "distanceM",
  durationSeconds: "seconds",
};

/** A record keyed by a set's fields (values, field times), any previous name replaced by the current one. */
export function withCurrentSetNames<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      Object.hasOwn(PREVIOUS_SET_FIELD_NAMES, key) ? PREVIOUS_SET_FIELD_NAMES[key] : key,
      value,
    ]),
  );
}

/** A set's values alone, without whatever else the object holds (an identity, times, a note). */
export function setValuesOf(set: SetValues): SetValues {
  const { weightKg, reps, rpe, missed, setType, seconds, distanceM } = set;
  return { weightKg, reps, rpe, missed, setType, seconds, distanceM } satisfies Record<SetField, unknown>;
}

/** Warm-ups count for nothing in records or volume. */
export function isWarmup(set: { setType?: SetType | string | null }): boolean {
  return set.setType === "warmup";
}

/**
 * Whether a set counts as work done: in records, volume and estimated 1RMs. A warm-up does not, and
 * neither does a missed attempt: the bar did not go up, so 85 kg × 3 missed is no 85 kg best.
 */
export function countsAsWork(set: { setType?: SetType | string | null; missed?: boolean | null }): boolean {
  return !isWarmup(set) && !set.missed;
}
