/**
 * Reading one cell of an exported row: text, numbers within bounds, times in a zone, units and set
 * types as the apps write them. A cell that cannot be read throws RowError, which readRow turns into
 * the row's reason.
 */
import { type WallClock, wallClockToInstant } from "@/lib/time-zone";
import type { DistanceUnitInFile, ImportedSetType, WeightUnitInFile } from "./rows";

export class RowError extends Error {}

export const text = (value: string | undefined) => (value ?? "").trim();
export const optionalText = (value: string | undefined) => text(value) || null;

/**
 * Weights, reps, times and distances are read whatever their size: one past what Ironlog stores is
 * listed in the preview as worth a look (worth-a-look.ts), not refused with its row.
 */
export const UNBOUNDED = { max: Infinity } as const;

export function number(
  value: string | undefined,
  column: string,
  { min = 0, max = 100_000 }: { min?: number; max?: number } = {},
): number | null {
  const raw = text(value);
  if (!raw) return null;
  // Some locales write a decimal comma ("82,5"); the delimiter never reaches here.
  const parsed = Number(raw.replace(",", "."));
  if (!Number.isFinite(parsed)) throw new RowError(`${column} “${raw.slice(0, 20)}” is not a number.`);
  if (parsed < min || parsed > max) throw new RowError(`${column} ${raw} is outside ${min}–${max}.`);
  return parsed;
}

export function wholeNumber(value: string | undefined, column: string, max: number): number | null {
  const parsed = number(value, column, { max });
  if (parsed !== null && !Number.isInteger(parsed)) throw new RowError(`${column} ${parsed} is not a whole number.`);
  return parsed;
}

// Every set of a workout repeats its date: the last one read is reused.
let lastInstant: { raw: string; timeZone: string; read: unknown; at: Date } | null = null;

export function instant(
  value: string | undefined,
  read: (text: string) => WallClock | null,
  example: string,
  timeZone: string,
): Date {
  const raw = text(value);
  if (lastInstant && lastInstant.raw === raw && lastInstant.timeZone === timeZone && lastInstant.read === read)
    return new Date(lastInstant.at);
  const at = readInstant(raw, read, example, timeZone);
  lastInstant = { raw, timeZone, read, at };
  return new Date(at);
}

export function readInstant(raw: string, read: (text: string) => WallClock | null, example: string, timeZone: string): Date {
  const wallClock = raw ? read(raw) : null;
  if (!wallClock)
    throw new RowError(raw ? `The date “${raw.slice(0, 30)}” is not in the form ${example}.` : "The date is missing.");
  return wallClockToInstant(wallClock, timeZone);
}

export function required(value: string | undefined, column: string): string {
  const raw = text(value);
  if (!raw) throw new RowError(`${column} is missing.`);
  return raw.slice(0, 200);
}

export function weightUnitOf(value: string | undefined): WeightUnitInFile | null {
  const raw = text(value).toLowerCase();
  if (!raw) return null;
  if (raw === "kg" || raw === "kgs") return "kg";
  if (raw === "lb" || raw === "lbs") return "lb";
  throw new RowError(`Weight Unit “${raw}” is neither kg nor lbs.`);
}

export function distanceUnitOf(value: string | undefined): DistanceUnitInFile | null {
  // Strong writes miles as "mi." in its semicolon layout.
  const raw = text(value).toLowerCase().replace(/\.$/, "");
  if (!raw) return null;
  const units: Record<string, DistanceUnitInFile> = { km: "km", mi: "mi", miles: "mi", m: "m", meters: "m", metres: "m" };
  if (units[raw]) return units[raw];
  throw new RowError(`Distance Unit “${raw}” is not km, miles or metres.`);
}

export function setTypeOf(value: string | undefined): ImportedSetType {
  const raw = text(value).toLowerCase();
  const types: Record<string, ImportedSetType> = {
    "": "normal",
    normal: "normal",
    warmup: "warmup",
    "warm-up": "warmup",
    dropset: "drop",
    drop: "drop",
    failure: "failure",
  };
  if (raw in types) return types[raw];
  throw new RowError(`Set type “${raw}” is not normal, warmup, dropset or failure.`);
}
