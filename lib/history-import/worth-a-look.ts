/**
 * Values a file holds past what Ironlog stores (a workout over 24 hours, a set past a set's limits):
 * the preview lists each with its line and what the import will do with it, and the import does
 * exactly that (set-mapping.ts for sets, `storedDuration` here for workouts). Nothing is cut to a
 * limit: a value past it is left empty, and a set with nothing else in it is left out.
 */
import { MAX_SESSION_MINUTES } from "@/lib/athlete/session-fields";
import { MAX_REPS, MAX_SET_METRES, MAX_WEIGHT_KG } from "@/lib/training/set";
import { setTimeText } from "@/lib/training/set-time";
import { WEIGHT_UNITS, type WeightUnit } from "@/lib/training/units";
import { fieldsBeyondLimits, type RangedField, storedSetValues } from "./set-mapping";
import type { StoredSet, StoredWorkout } from "./stored";

export interface WorthALook {
  line: number;
  /** The value, as the file says it, and the limit it passes. */
  what: string;
  /** What the import does with it. */
  outcome: string;
}

const MAX_SESSION_SECONDS = MAX_SESSION_MINUTES * 60;

/** A workout's duration to store: as the file says it, or empty past the 24 hours a session may last. */
export function storedDuration(durationSeconds: number | null): number | null {
  return durationSeconds !== null && durationSeconds > MAX_SESSION_SECONDS ? null : durationSeconds;
}

const hoursText = (seconds: number) => {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

export function workoutWorthALook(workout: StoredWorkout): WorthALook | null {
  if (workout.durationSeconds === null || storedDuration(workout.durationSeconds) !== null) return null;
  const line = Math.min(...workout.exercises.flatMap((e) => e.sets.map((s) => s.line)));
  return {
    line,
    what: `“${workout.name}” lasts ${hoursText(workout.durationSeconds)} (a timer left running?): a session lasts at most 24 hours.`,
    outcome: "Imported with all its sets; its duration is left empty.",
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const count = (n: number) => n.toLocaleString("en");

const NAMES: Record<RangedField, string> = { weightKg: "weight", reps: "reps", seconds: "time", distanceM: "distance" };
const RANGED_ORDER = Object.keys(NAMES) as RangedField[];

function valueText(set: StoredSet, field: RangedField, unitWhereUnsaid: WeightUnit | null): string {
  if (field === "reps") return `${set.reps} reps: a set holds at most ${count(MAX_REPS)}`;
  if (field === "seconds") return `a time of ${setTimeText(Math.round(set.seconds!))}: a set lasts at most 24 hours`;
  if (field === "distanceM")
    return `a distance of ${set.distance}${set.distanceUnit ? ` ${set.distanceUnit}` : " (km or miles, with the weights' unit)"}: a set covers at most ${count(MAX_SET_METRES / 1000)} km`;
  const unit = set.weightUnit ?? unitWhereUnsaid;
  return `a weight of ${set.weight}${unit ? ` ${unit}` : " kg, if the weights are kilograms"}: more than any lift on record (${count(MAX_WEIGHT_KG)} kg)`;
}

/**
 * A set with a value past its limit, or null. `unitWhereUnsaid` is the athlete's unit for weights and
 * distances the file does not label; null before they choose, when the set is judged in both units
 * and the outcome given for each where they differ (2000 is past any lift in kilograms, not in pounds).
 */
export function setWorthALook(set: StoredSet, unitWhereUnsaid: WeightUnit | null): WorthALook | null {
  const readings = (unitWhereUnsaid ? [unitWhereUnsaid] : WEIGHT_UNITS).map((unit) => {
    const beyond = fieldsBeyondLimits(set, unit);
    const names = beyond.map((field) => NAMES[field]).join(" and ");
    const outcome =
      beyond.length === 0
        ? "the set is imported as the file says"
        : storedSetValues(set, unit)
          ? `the set is imported without its ${names}`
          : "the set is left out: nothing else in it can be stored";
    return { unit, beyond, outcome };
  });
  const beyond = RANGED_ORDER.filter((field) => readings.some((r) => r.beyond.includes(field)));
  if (beyond.length === 0) return null;
  const what = beyond.map((field) => valueText(set, field, unitWhereUnsaid)).join("; ");
  const outcome = readings.every((r) => r.outcome === readings[0].outcome)
    ? `${capitalised(readings[0].outcome)}.`
    : readings.map((r) => `With weights in ${r.unit === "kg" ? "kilograms" : "pounds"}, ${r.outcome}.`).join(" ");
  return { line: set.line, what: `${capitalised(what)}.`, outcome };
}
