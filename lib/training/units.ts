/**
 * Weight units. Weights are stored in kilograms with two decimals (session_sets.weight_kg is
 * numeric(7,2)); athletes who prefer pounds type and read pounds.
 *
 * Round trip: a pound value converted to kilograms and rounded to 0.01 kg is off by at most
 * 0.005 kg = 0.011 lb. Reading it back rounded to the nearest 0.05 lb therefore returns exactly what
 * was typed for any multiple of 0.05 lb, which covers every plate sum (2.5 lb, 1.25 lb and 0.25 lb
 * fractional plates). The unit tests check every value from 0 to 2000 lb.
 */
export const WEIGHT_UNITS = ["kg", "lb"] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

/** The international avoirdupois pound (1959), exact by definition. */
export const KG_PER_LB = 0.45359237;

/** The finest step each unit is shown in: the database keeps hundredths of a kilogram. */
export const DISPLAY_STEP: Record<WeightUnit, number> = { kg: 0.01, lb: 0.05 };

export function isWeightUnit(value: unknown): value is WeightUnit {
  return value === "kg" || value === "lb";
}

export function kgToLb(kg: number): number {
  return kg / KG_PER_LB;
}

export function lbToKg(lb: number): number {
  return lb * KG_PER_LB;
}

function roundToStep(value: number, step: number): number {
  const perUnit = Math.round(1 / step);
  // Dividing the rounded integer (rather than multiplying by the step) gives the shortest decimal:
  // 2701 / 20 is exactly the double closest to 135.05.
  return Math.round(value * perUnit) / perUnit;
}

/** A weight the athlete entered in `unit`, as kilograms to store (rounded to 0.01 kg). */
export function toStoredKg(value: number, unit: WeightUnit): number {
  return roundToStep(unit === "lb" ? lbToKg(value) : value, DISPLAY_STEP.kg);
}

/** A stored kilogram weight in the athlete's unit, rounded to that unit's display step. */
export function fromStoredKg(kg: number, unit: WeightUnit): number {
  return unit === "lb" ? roundToStep(kgToLb(kg), DISPLAY_STEP.lb) : roundToStep(kg, DISPLAY_STEP.kg);
}

const isMultipleOf = (value: number, step: number) => Math.abs(Math.round(value / step) - value / step) < 1e-6;

/**
 * A stored weight as the athlete reads it: exactly as typed when it was typed in their unit, and
 * converted weights rounded to 0.1 of it (102.5 kg reads "226 lb", never "225.95 lb").
 *
 * Which unit a weight was typed in is not stored, so it is read from the value: a weight is taken as
 * typed in pounds when its 0.05 lb reading stores back to the same kilograms (the round trip above);
 * unless it is also a round kilogram weight (a multiple of 0.05 kg) whose pound reading is an odd
 * 0.05 (not a multiple of 0.1 or 0.25 lb: no plate sum ends that way), which is a kilogram weight.
 * So every plate sum in pounds (0.25 lb steps) reads back exactly, and so does every kilogram weight
 * in kilograms with up to two decimals, but for an odd 0.01 kg weight that is also a pound weight
 * (82.33 kg is 181.5 lb), shown to 0.1 kg.
 */
export function displayWeight(kg: number, unit: WeightUnit): number {
  const asLb = fromStoredKg(kg, "lb");
  const typedInLb =
    toStoredKg(asLb, "lb") === roundToStep(kg, DISPLAY_STEP.kg) &&
    (isMultipleOf(asLb, 0.1) || isMultipleOf(asLb, 0.25) || !isMultipleOf(kg, 0.05));
  if (unit === "lb") return typedInLb ? asLb : roundToStep(kgToLb(kg), 0.1);
  return typedInLb && !isMultipleOf(kg, 0.05) ? roundToStep(kg, 0.1) : fromStoredKg(kg, "kg");
}

/**
 * "135 lb", "61.25 kg", "226 lb": the weight in the athlete's unit with no trailing zeros. The one
 * rounding rule for every weight the app shows, lifted or estimated (a 1RM, a record's "was"):
 * displayWeight's, so a weight reads as it was typed and a converted one to 0.1.
 */
export function formatWeight(kg: number, unit: WeightUnit): string {
  const value = displayWeight(kg, unit);
  const text = value.toFixed(2).replace(/\.?0+$/, "");
  return `${text === "-0" ? "0" : text} ${unit}`;
}
