/**
 * Estimated one-rep max (1RM) from a set of several reps.
 *
 * - Epley (1985): 1RM = w · (1 + r/30).
 * - Brzycki (1993): 1RM = w · 36 / (37 − r); undefined at 37 reps and absurd well before.
 * - RPE-aware: a set stopped short of failure is treated as the set to failure it could have been.
 *   Reps in reserve = 10 − RPE, so effective reps = reps + (10 − RPE): 100 kg × 5 @ RPE 8 estimates
 *   like 100 kg × 7 to failure.
 *
 * The automatic choice uses Brzycki up to 10 effective reps and Epley beyond. The two formulas give
 * exactly the same answer at 10 reps (36/27 = 1 + 10/30 = 4/3), so a chart mixing them has no jump.
 * Every estimate names the formula it used, because the UI must say how a number was computed.
 * Prediction equations are accurate to within a few percent up to about 10 reps (LeSuer et al. 1997,
 * J Strength Cond Res 11(4)); beyond 12 effective reps the estimate is marked unreliable.
 */
import type { LoggedSet } from "./set";

export type OneRepMaxFormula = "epley" | "brzycki";
export type OneRepMaxMethod = OneRepMaxFormula | "single";

export const ONE_REP_MAX_FORMULA_NAMES: Record<OneRepMaxMethod, string> = {
  epley: "Epley",
  brzycki: "Brzycki",
  single: "Actual single",
};

/** Effective reps above which estimates are shown as rough. */
export const RELIABLE_EFFECTIVE_REPS = 12;
/** Effective reps up to which the automatic choice uses Brzycki. */
const BRZYCKI_MAX_AUTO_REPS = 10;

export type OneRepMaxEstimate = {
  valueKg: number;
  method: OneRepMaxMethod;
  /** True when RPE added reps in reserve to the reps performed. */
  rpeAdjusted: boolean;
  effectiveReps: number;
  reliable: boolean;
  /** What the UI shows next to the number, e.g. "Brzycki, adjusted for RPE 8". */
  label: string;
};

function isLoad(weightKg: number): boolean {
  return Number.isFinite(weightKg) && weightKg > 0;
}

function isRepCount(reps: number): boolean {
  return Number.isFinite(reps) && reps >= 1;
}

/** Epley's estimate; one rep is the weight itself (the raw formula would add 3.3%). Null when there is nothing to estimate. */
export function epleyOneRepMax(weightKg: number, reps: number): number | null {
  if (!isLoad(weightKg) || !isRepCount(reps)) return null;
  if (reps === 1) return weightKg;
  return weightKg * (1 + reps / 30);
}

/** Brzycki's estimate; null from 37 reps, where the formula divides by zero or goes negative. */
export function brzyckiOneRepMax(weightKg: number, reps: number): number | null {
  if (!isLoad(weightKg) || !isRepCount(reps) || reps >= 37) return null;
  return (weightKg * 36) / (37 - reps);
}

/** RPE as the athlete logged it, when it is usable: a number from 1 to 10. */
function usableRpe(rpe: number | null | undefined): number | null {
  if (rpe === null || rpe === undefined || !Number.isFinite(rpe) || rpe < 1 || rpe > 10) return null;
  return rpe;
}

/** Reps the set would have reached to failure: reps + reps in reserve (10 − RPE). */
export function effectiveReps(reps: number, rpe?: number | null): number {
  const usable = usableRpe(rpe);
  return usable === null ? reps : reps + (10 - usable);
}

function formatRpe(rpe: number): string {
  return Number.isInteger(rpe) ? String(rpe) : rpe.toFixed(1);
}

/**
 * The estimated 1RM of one set, with the formula used. `formula` forces Epley or Brzycki; Brzycki
 * falls back to Epley past its range (36+ effective reps), and the result then names Epley.
 * Null when the set says nothing about a 1RM: no reps, or no external load (bodyweight only).
 */
export function estimateOneRepMax(set: LoggedSet, formula: OneRepMaxFormula | "auto" = "auto"): OneRepMaxEstimate | null {
  if (!isLoad(set.weightKg) || !isRepCount(set.reps)) return null;
  const rpe = usableRpe(set.rpe);
  const reps = effectiveReps(set.reps, rpe);
  const rpeAdjusted = rpe !== null && rpe < 10;
  const suffix = rpeAdjusted ? `, adjusted for RPE ${formatRpe(rpe)}` : "";
  const reliable = reps <= RELIABLE_EFFECTIVE_REPS;

  if (reps === 1) {
    return {
      valueKg: set.weightKg,
      method: "single",
      rpeAdjusted: false,
      effectiveReps: 1,
      reliable: true,
      label: ONE_REP_MAX_FORMULA_NAMES.single,
    };
  }

  const wantsBrzycki = formula === "brzycki" || (formula === "auto" && reps <= BRZYCKI_MAX_AUTO_REPS);
  const brzycki = wantsBrzycki ? brzyckiOneRepMax(set.weightKg, reps) : null;
  if (brzycki !== null) {
    return { valueKg: brzycki, method: "brzycki", rpeAdjusted, effectiveReps: reps, reliable, label: `Brzycki${suffix}` };
  }
  // Guarded above: load and reps are valid, so Epley always answers.
  const epley = epleyOneRepMax(set.weightKg, reps) as number;
  return { valueKg: epley, method: "epley", rpeAdjusted, effectiveReps: reps, reliable, label: `Epley${suffix}` };
}
