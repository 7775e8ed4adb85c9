/**
 * Plate maths for a barbell: which plates go on each side to make a weight, for the athlete's bar and
 * the plates they own, in their unit. Plates come in pairs (one per side); an athlete is assumed to own
 * as many pairs of each size as a lift needs, which holds for any home or commercial set of plates.
 */
import { hasAtMostTwoDecimals } from "./set";
import type { WeightUnit } from "./units";

/** A standard bar: 20 kg (Olympic men's bar) or 45 lb. */
export const DEFAULT_BAR: Record<WeightUnit, number> = { kg: 20, lb: 45 };

/** The plates most gyms have, heaviest first. */
export const DEFAULT_PLATES: Record<WeightUnit, readonly number[]> = {
  kg: [25, 20, 15, 10, 5, 2.5, 1.25],
  lb: [45, 35, 25, 10, 5, 2.5],
};

/** Plates sold in each unit, heaviest first: the choices the profile offers. */
export const PLATE_CHOICES: Record<WeightUnit, readonly number[]> = {
  kg: [25, 20, 15, 10, 5, 2.5, 2, 1.25, 1, 0.5, 0.25],
  lb: [55, 45, 35, 25, 15, 10, 5, 2.5, 1.25],
};

/** An athlete's bar and the plates they own, in the unit they train in (saved on the profile). */
export type PlateSetup = { unit: WeightUnit; bar: number; plates: number[] };

export interface PlateLoad {
  /** The total on the bar, bar included, in the athlete's unit. */
  total: number;
  /** Plates for one side, heaviest first (the other side mirrors it). */
  perSide: number[];
  /** True when the total is the weight asked for. */
  exact: boolean;
}

/**
 * The most a bar is loaded to here: about what the sleeves of an Olympic bar hold (700 kg, 1,500 lb),
 * well past the heaviest lift on record (a 501 kg deadlift). A heavier weight gets no plate line, and
 * the work of packing plates stays bounded whatever is typed.
 */
export const MAX_BAR_LOAD: Record<WeightUnit, number> = { kg: 700, lb: 1500 };

/** Hundredths, so that 1.25 + 1.25 is exactly 2.5. */
const cents = (value: number) => Math.round(value * 100);

function loadPerSide(perSideCents: number, plates: readonly number[]): number[] {
  const perSide: number[] = [];
  let left = perSideCents;
  for (const plate of [...plates].sort((a, b) => b - a)) {
    const size = cents(plate);
    if (size <= 0) continue;
    while (left >= size) {
      perSide.push(plate);
      left -= size;
    }
  }
  return perSide;
}

function loadOf(perSide: number[], bar: number, target: number): PlateLoad {
  const total = (cents(bar) + 2 * perSide.reduce((sum, plate) => sum + cents(plate), 0)) / 100;
  return { total, perSide, exact: cents(total) === cents(target) };
}

/**
 * The plates for `target` on `bar`, or the nearest weight that can be loaded (the lighter one on a tie)
 * when the target cannot be made exactly. A target below the bar is the empty bar; one above
 * MAX_BAR_LOAD, or with more than two decimals, is no weight to load: null.
 */
export function plateLoad(
  target: number,
  options: { bar?: number; plates?: readonly number[]; unit: WeightUnit },
): PlateLoad | null {
  if (target > MAX_BAR_LOAD[options.unit] || (Number.isFinite(target) && !hasAtMostTwoDecimals(target))) return null;
  const bar = options.bar ?? DEFAULT_BAR[options.unit];
  const plates = (options.plates ?? DEFAULT_PLATES[options.unit]).filter((p) => p > 0);
  if (!Number.isFinite(target) || cents(target) <= cents(bar) || plates.length === 0) return loadOf([], bar, target);
  const below = loadPerSide(Math.floor((cents(target) - cents(bar)) / 2), plates);
  const lighter = loadOf(below, bar, target);
  if (lighter.exact) return lighter;
  // The next loadable weight up: the lighter load plus one pair of the smallest plate, re-packed.
  const smallest = Math.min(...plates.map(cents));
  const perSideAbove = (cents(lighter.total) - cents(bar)) / 2 + smallest;
  const heavier = loadOf(loadPerSide(perSideAbove, plates), bar, target);
  return cents(heavier.total) - cents(target) < cents(target) - cents(lighter.total) ? heavier : lighter;
}
