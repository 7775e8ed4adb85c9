/**
 * Distances as people type and read them. Stored in metres with two decimals (session_sets.distance_m).
 * A run, a row or a ride (timed distance) is typed and shown in the athlete's distance unit:
 * kilometres for an athlete who weighs in kilograms, miles for one who weighs in pounds (the same rule
 * the history import reads an unlabelled Strong distance by). A carry or a sled push (distance under
 * load) is measured in metres on any gym floor, so a bare number there is metres. A distance typed
 * with its unit ("5 km", "3.1 mi", "400 m") is read in that unit whatever the preference, so a metric
 * lifter who runs in miles types "mi" after the number.
 */
import type { ExerciseMeasure } from "./types";
import type { WeightUnit } from "./units";

export const DISTANCE_UNITS = ["km", "mi"] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

/** The international mile (1959), exact by definition. */
export const METRES_PER_MILE = 1609.344;
const METRES_PER: Record<DistanceUnit | "m", number> = { km: 1000, mi: METRES_PER_MILE, m: 1 };

/** The athlete's distance unit follows their weight unit: one preference, one place to change it. */
export function distanceUnitFor(unit: WeightUnit): DistanceUnit {
  return unit === "lb" ? "mi" : "km";
}

/** What a bare number in a distance field means: metres for a carry, the athlete's unit for a run. */
export type DistanceFieldUnit = DistanceUnit | "m";

export function distanceFieldUnit(measure: ExerciseMeasure, unit: WeightUnit): DistanceFieldUnit {
  return measure === "distance_time" ? distanceUnitFor(unit) : "m";
}

const UNIT_WORDS: Record<string, DistanceUnit | "m"> = {
  m: "m",
  metre: "m",
  metres: "m",
  meter: "m",
  meters: "m",
  km: "km",
  kms: "km",
  mi: "mi",
  mile: "mi",
  miles: "mi",
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Typed distance as metres (to 0.01 m): "5" is 5 of the athlete's unit, "5 km", "3.1 mi", "400 m" are
 * what they say; a comma is a decimal point. Blank is null, anything unreadable NaN (for the set's
 * check to name). Bounded: the text is matched once, whatever its length.
 */
export function parseDistance(text: string, unit: DistanceFieldUnit): number | null {
  const trimmed = text.trim().toLowerCase().replace(",", ".");
  if (trimmed === "") return null;
  const match = /^(\d*\.?\d*)\s*([a-z]*)$/.exec(trimmed);
  if (!match || match[1] === "" || match[1] === ".") return Number.NaN;
  const per = match[2] === "" ? unit : UNIT_WORDS[match[2]];
  if (per === undefined) return Number.NaN;
  return round2(Number(match[1]) * METRES_PER[per]);
}

/** `metres` read in `unit` to two decimals, when that reads back as the same stored metres. */
function exactIn(metres: number, per: number): number | null {
  const value = round2(metres / per);
  return Math.abs(round2(value * per) - metres) < 0.006 ? value : null;
}

/**
 * A stored distance as the field shows it, so that it reads back as it was typed: in a field of
 * metres, the metres; else whole metres under a kilometre as "400 m"; else a bare number in the
 * athlete's unit ("5", "3.1") when it is exact to 0.01; else in the other unit with its name ("5 km"
 * for a runner in miles); else the athlete's unit, rounded.
 */
export function distanceText(metres: number, unit: DistanceFieldUnit): string {
  if (!Number.isFinite(metres)) return "";
  if (unit === "m") return String(round2(metres));
  if (metres < 1000 && Number.isInteger(round2(metres))) return `${round2(metres)} m`;
  const own = exactIn(metres, METRES_PER[unit]);
  if (own !== null) return String(own);
  const other: DistanceUnit = unit === "km" ? "mi" : "km";
  const theirs = exactIn(metres, METRES_PER[other]);
  if (theirs !== null) return `${theirs} ${other}`;
  if (metres < 1000) return `${round2(metres)} m`;
  return String(round2(metres / METRES_PER[unit]));
}

/** A distance to read: "400 m", "5 km", "3.1 mi" (the field's text, with the unit named). */
export function formatDistance(metres: number, unit: DistanceUnit): string {
  const text = distanceText(metres, unit);
  return /[a-z]$/.test(text) ? text : `${text} ${unit}`;
}

/** Seconds per one of `unit`, whole: null when either value is missing or not positive. */
export function paceSeconds(seconds: number | null | undefined, metres: number | null | undefined, unit: DistanceUnit) {
  if (!seconds || !metres || seconds <= 0 || metres <= 0 || !Number.isFinite(seconds) || !Number.isFinite(metres)) return null;
  return Math.round(seconds / (metres / METRES_PER[unit]));
}

/** "5:00 /km", "8:03 /mi", "1:02:10 /mi": the time a unit of the distance took. */
export function formatPace(
  seconds: number | null | undefined,
  metres: number | null | undefined,
  unit: DistanceUnit,
): string | null {
  const pace = paceSeconds(seconds, metres, unit);
  if (pace === null) return null;
  const h = Math.floor(pace / 3600);
  const m = Math.floor((pace % 3600) / 60);
  const s = String(pace % 60).padStart(2, "0");
  return `${h > 0 ? `${h}:${String(m).padStart(2, "0")}` : m}:${s} /${unit}`;
}
