/**
 * A hint for the unit of weights a file does not label, read from the weights themselves. It only
 * preselects the preview's answer: the athlete always chooses.
 *
 * What tells the units apart in real exports (measured on the exports whose unit is known):
 * - a pound barbell is 45 lb loaded with pairs of 45 and 25 lb plates, so 95, 135, 185, 225, 315 lb
 *   come up again and again in pound logs (2-25% of their sets) and hardly ever in kilogram logs;
 * - pound plates and dumbbells go in steps of 5 lb, kilogram dumbbells and kettlebells in 2 kg (8, 12,
 *   16, 24, 32), so whole weights that are not a multiple of 5 are 10-45% of kilogram logs and at
 *   most a few % of pound logs;
 * - an app that converts writes the other unit's round weights with their conversion's decimals:
 *   44.0924… lb is 20 kg, 6.8038… kg is 15 lb.
 * Where none of these is clear, there is no hint.
 */
import { KG_PER_LB, type WeightUnit } from "@/lib/training/units";

export interface UnitHint {
  unit: WeightUnit;
  /** One short line saying why, with a few of the file's own weights. */
  reason: string;
}

/** A 45 lb bar with pairs of 45 and 25 lb plates. */
const POUND_PLATE_LOADS = new Set([95, 135, 185, 225, 275, 315, 365, 405, 455, 495, 545, 585]);
/** Fewer weighed sets than this say too little. */
const MIN_WEIGHED_SETS = 20;
const POUND_LOADS_SHARE = 0.04;
const KILOGRAM_STEPS_SHARE = 0.1;
/** Kilogram logs hold pound plate loads only by chance (at most 2.3% of sets in real exports). */
const CHANCE_POUND_LOADS = 0.03;
const CONVERTED_SHARE = 0.2;

const isMultipleOf = (value: number, step: number) => Math.abs(Math.round(value / step) * step - value) < 0.002;
const isKilogramStep = (weight: number) => Number.isInteger(weight) && weight % 5 !== 0;
const shown = (weight: number) => String(Math.round(weight * 100) / 100);

/** The weights holding the most sets among those `keep` picks, in ascending order. */
function examples(counts: ReadonlyMap<number, number>, keep: (weight: number) => boolean, how = 3): number[] {
  return [...counts]
    .filter(([weight]) => keep(weight))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, how)
    .map(([weight]) => weight)
    .sort((a, b) => a - b);
}

const list = (weights: readonly number[]) =>
  weights.length > 1 ? `${weights.slice(0, -1).map(shown).join(", ")} and ${shown(weights.at(-1)!)}` : shown(weights[0]);

/**
 * The unit the weights look like, from how many sets (the values) hold each weight (the keys), or
 * null when they do not say.
 */
export function weightUnitHint(counts: ReadonlyMap<number, number>): UnitHint | null {
  let total = 0;
  let poundLoads = 0;
  let kilogramSteps = 0;
  let poundsFromKilograms = 0;
  let kilogramsFromPounds = 0;
  for (const [weight, sets] of counts) {
    if (!(weight > 0)) continue;
    total += sets;
    if (POUND_PLATE_LOADS.has(weight)) poundLoads += sets;
    if (isKilogramStep(weight)) kilogramSteps += sets;
    if (!isMultipleOf(weight, 0.05)) {
      if (isMultipleOf(weight * KG_PER_LB, 0.25)) poundsFromKilograms += sets;
      else if (isMultipleOf(weight / KG_PER_LB, 0.25)) kilogramsFromPounds += sets;
    }
  }
  if (total < MIN_WEIGHED_SETS) return null;
  const converted = (keep: (weight: number) => boolean, from: WeightUnit, to: WeightUnit, into: number) =>
    examples(counts, (w) => !isMultipleOf(w, 0.05) && keep(w), 2)
      .map((w) => `${shown(w)} ${from} is ${shown(w * into)} ${to}`)
      .join(", ");
  if (poundsFromKilograms >= CONVERTED_SHARE * total && poundsFromKilograms > 4 * kilogramsFromPounds) {
    const shownAs = converted((w) => isMultipleOf(w * KG_PER_LB, 0.25), "lb", "kg", KG_PER_LB);
    return { unit: "lb", reason: `Most weights are round kilograms written in pounds: ${shownAs}.` };
  }
  if (kilogramsFromPounds >= CONVERTED_SHARE * total && kilogramsFromPounds > 4 * poundsFromKilograms) {
    const shownAs = converted((w) => isMultipleOf(w / KG_PER_LB, 0.25), "kg", "lb", 1 / KG_PER_LB);
    return { unit: "kg", reason: `Most weights are round pounds written in kilograms: ${shownAs}.` };
  }
  if (poundLoads >= POUND_LOADS_SHARE * total && poundLoads > kilogramSteps) {
    return {
      unit: "lb",
      reason: `Many weights look like pound plates on a 45 lb bar: ${list(examples(counts, (w) => POUND_PLATE_LOADS.has(w)))}.`,
    };
  }
  if (kilogramSteps >= KILOGRAM_STEPS_SHARE * total && poundLoads < CHANCE_POUND_LOADS * total) {
    return {
      unit: "kg",
      reason: `Many weights are whole numbers that pound plates and dumbbells do not make: ${list(examples(counts, isKilogramStep))}.`,
    };
  }
  return null;
}
