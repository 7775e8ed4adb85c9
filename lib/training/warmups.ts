/**
 * Warm-up sets ramped toward the first working weight, the way most strength coaches lay them out:
 * a few lighter sets with falling reps, so the last warm-up is close to the working weight without
 * tiring the athlete. Two steps (50% × 5, 75% × 3) below 60 kg (135 lb), three (40% × 5, 60% × 3,
 * 80% × 2) from there. Weights are rounded down to what plates make (2.5 kg or 5 lb steps) and never
 * go below the empty bar; steps that round to the same weight are merged.
 */
import { DEFAULT_BAR } from "./plates";
import type { WeightUnit } from "./units";

export type WarmupStep = { weight: number; reps: number };

const THREE_STEP_FROM: Record<WeightUnit, number> = { kg: 60, lb: 135 };
const STEP: Record<WeightUnit, number> = { kg: 2.5, lb: 5 };

/** The warm-ups before a working weight (in the athlete's unit); none when there is nothing to ramp to. */
export function warmupRamp(workingWeight: number, unit: WeightUnit): WarmupStep[] {
  if (!Number.isFinite(workingWeight) || workingWeight <= 0) return [];
  const plan: [number, number][] =
    workingWeight >= THREE_STEP_FROM[unit]
      ? [
          [0.4, 5],
          [0.6, 3],
          [0.8, 2],
        ]
      : [
          [0.5, 5],
          [0.75, 3],
        ];
  const bar = DEFAULT_BAR[unit];
  const steps: WarmupStep[] = [];
  for (const [share, reps] of plan) {
    const rounded = Math.floor((workingWeight * share) / STEP[unit]) * STEP[unit];
    const weight = workingWeight > bar ? Math.max(bar, rounded) : rounded;
    if (weight <= 0 || weight >= workingWeight || steps.some((s) => s.weight === weight)) continue;
    steps.push({ weight, reps });
  }
  return steps;
}
