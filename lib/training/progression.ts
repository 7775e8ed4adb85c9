/**
 * What to lift next time: double progression. Work up the rep range at one weight; when every working
 * set reached the top of the range at RPE 8 or easier, add the smallest step the equipment allows and
 * start again at the bottom; after two sessions short of the bottom of the range, take 10% off and
 * build back up. Weights are kilograms in and out; steps are taken in the athlete's own unit, so a
 * pound athlete is told "add 5 lb", not "add 2.27 kg".
 */
import { fromStoredKg, KG_PER_LB, type WeightUnit } from "./units";

/** One working set of a past session (warm-ups are left out by the caller, or marked here). */
export interface PastSet {
  weightKg: number;
  reps: number;
  rpe?: number | null;
  warmup?: boolean;
}

export interface ProgressionInput {
  /** The exercise's kind: barbell lifts move in 2.5 kg / 5 lb, dumbbells to the next dumbbell, bodyweight in reps. */
  exerciseType: string;
  repRange: { min: number; max: number };
  unit: WeightUnit;
  /** The athlete's earlier sessions of this exercise, newest first. */
  sessions: readonly (readonly PastSet[])[];
}

export interface Suggestion {
  weightKg: number;
  reps: number;
  /** One line the logger shows beside the placeholder. */
  why: string;
  kind: "increase" | "repeat" | "deload";
}

/** The hardest RPE at which reaching the top of the range still earns more weight. */
export const MAX_RPE_TO_ADD_WEIGHT = 8;
export const DELOAD_FRACTION = 0.1;

/** Fixed dumbbells as racks usually hold them, per unit. */
const DUMBBELLS: Record<WeightUnit, readonly number[]> = {
  kg: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32.5, 35, 37.5, 40, 42.5, 45, 47.5, 50, 55, 60],
  lb: [3, 5, 8, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 110, 120],
};
const LOAD_STEP: Record<WeightUnit, number> = { kg: 2.5, lb: 5 };

const toKg = (value: number, unit: WeightUnit) => Math.round((unit === "lb" ? value * KG_PER_LB : value) * 100) / 100;
const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const show = (value: number, unit: WeightUnit) => `${Number(value.toFixed(2))} ${unit}`;

function heavier(weight: number, type: string, unit: WeightUnit): number {
  if (type === "dumbbell") return DUMBBELLS[unit].find((d) => d > weight + 1e-9) ?? weight + LOAD_STEP[unit];
  return roundTo(weight, LOAD_STEP[unit] / 2) + LOAD_STEP[unit];
}

function lighter(weight: number, type: string, unit: WeightUnit): number {
  if (type === "dumbbell") return [...DUMBBELLS[unit]].reverse().find((d) => d <= weight + 1e-9) ?? DUMBBELLS[unit][0];
  return Math.max(Math.floor(weight / LOAD_STEP[unit] + 1e-9) * LOAD_STEP[unit], 0);
}

const working = (sets: readonly PastSet[]) => sets.filter((s) => !s.warmup && s.reps > 0);

/** The suggestion for the next session, or null when there is no earlier working set to go from. */
export function suggestNextSession(input: ProgressionInput): Suggestion | null {
  const { exerciseType, repRange, unit } = input;
  const sessions = input.sessions.map(working).filter((sets) => sets.length > 0);
  const last = sessions[0];
  if (!last) return null;
  const topKg = Math.max(...last.map((s) => s.weightKg));
  // In the athlete's unit as they read it (135 lb, not 134.99): steps are counted from there.
  const top = fromStoredKg(topKg, unit);
  const atTop = last.filter((s) => s.weightKg === topKg);
  const bodyweight = exerciseType === "bodyweight" || topKg === 0;

  const reachedTop = last.every((s) => s.reps >= repRange.max && (s.rpe ?? 0) <= MAX_RPE_TO_ADD_WEIGHT);
  if (reachedTop) {
    if (bodyweight) {
      return {
        weightKg: topKg,
        reps: repRange.max + 1,
        kind: "increase",
        why: `Every set reached ${repRange.max} reps: go for ${repRange.max + 1}, or a harder variation.`,
      };
    }
    const next = heavier(top, exerciseType, unit);
    return {
      weightKg: toKg(next, unit),
      reps: repRange.min,
      kind: "increase",
      why: `Every set reached ${repRange.max} reps at RPE ${MAX_RPE_TO_ADD_WEIGHT} or easier: add ${show(next - top, unit)} and start again at ${repRange.min}.`,
    };
  }

  const short = (sets: readonly PastSet[]) => Math.max(...sets.map((s) => s.reps)) < repRange.min;
  if (!bodyweight && sessions.length >= 2 && short(sessions[0]) && short(sessions[1])) {
    const next = lighter(top * (1 - DELOAD_FRACTION), exerciseType, unit);
    return {
      weightKg: toKg(next, unit),
      reps: repRange.min,
      kind: "deload",
      why: `Two sessions short of ${repRange.min} reps: take 10% off (${show(next, unit)}) and build back up.`,
    };
  }

  const bestReps = Math.max(...atTop.map((s) => s.reps));
  const reps = Math.min(Math.max(bestReps + 1, repRange.min), repRange.max);
  return {
    weightKg: topKg,
    reps,
    kind: "repeat",
    why: bodyweight
      ? `Last time ${bestReps} reps: aim for ${reps}.`
      : `Last time ${show(top, unit)} × ${bestReps}: same weight, aim for ${reps}.`,
  };
}
