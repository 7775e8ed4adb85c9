/**
 * The files an athlete can bring: Strong's export (today's comma-separated layout and the older
 * semicolon one), Hevy's, and Ironlog's own. The format is recognised from the header row alone.
 */

export const STRONG_HEADER = [
  "Date",
  "Workout Name",
  "Duration",
  "Exercise Name",
  "Set Order",
  "Weight",
  "Reps",
  "Distance",
  "Seconds",
  "Notes",
  "Workout Notes",
  "RPE",
] as const;
export const STRONG_LEGACY_HEADER = [
  "Date",
  "Workout Name",
  "Exercise Name",
  "Set Order",
  "Weight",
  "Weight Unit",
  "Reps",
  "RPE",
  "Distance",
  "Distance Unit",
  "Seconds",
  "Notes",
  "Workout Notes",
] as const;
export const HEVY_HEADER_KG = [
  "title",
  "start_time",
  "end_time",
  "description",
  "exercise_title",
  "superset_id",
  "exercise_notes",
  "set_index",
  "set_type",
  "weight_kg",
  "reps",
  "distance_km",
  "duration_seconds",
  "rpe",
] as const;
/** Ironlog's export: Strong's columns (so other apps read it) and what Strong has no column for. */
export const IRONLOG_HEADER = [...STRONG_HEADER, "Weight Unit", "Distance Unit", "Set Type", "Superset", "Time Zone"] as const;

export type ImportFormat = "strong" | "strong_legacy" | "hevy" | "ironlog";

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  strong: "Strong",
  strong_legacy: "Strong (older export)",
  hevy: "Hevy",
  ironlog: "Ironlog",
};

export interface DetectedFormat {
  format: ImportFormat;
  delimiter: "," | ";";
  /** Hevy names its units in its column names (weight_kg or weight_lbs, distance_km or distance_miles). */
  hevyUnits?: { weight: "kg" | "lb"; distance: "km" | "mi" };
}

export type FormatDetection = { ok: true; detected: DetectedFormat } | { ok: false; error: string };

/** Split a header line on a delimiter, unquoting cells (headers hold no delimiters of their own). */
function headerCells(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
}

const same = (cells: readonly string[], expected: readonly string[]) =>
  cells.length === expected.length && cells.every((cell, i) => cell.toLowerCase() === expected[i].toLowerCase());

/** Which format a file's first line announces, or an error that names what was expected. */
export function detectFormat(firstLine: string): FormatDetection {
  const line = firstLine.replace(/^\uFEFF/, "").replace(/\r$/, "");
  const comma = headerCells(line, ",");
  const semicolon = headerCells(line, ";");
  if (same(comma, IRONLOG_HEADER)) return { ok: true, detected: { format: "ironlog", delimiter: "," } };
  if (same(comma, STRONG_HEADER)) return { ok: true, detected: { format: "strong", delimiter: "," } };
  if (same(semicolon, STRONG_LEGACY_HEADER)) return { ok: true, detected: { format: "strong_legacy", delimiter: ";" } };
  const hevy = hevyUnitsOf(comma);
  if (hevy) return { ok: true, detected: { format: "hevy", delimiter: ",", hevyUnits: hevy } };
  if (same(comma, STRONG_LEGACY_HEADER) || same(semicolon, STRONG_HEADER)) {
    return {
      ok: false,
      error:
        "This looks like a Strong export with the wrong separator. Export it again from Strong, or save it with its original separator.",
    };
  }
  return {
    ok: false,
    error:
      "This file is not an export Ironlog can read. Expected a Strong export (first line starting “Date,Workout Name,Duration,Exercise Name”), " +
      "a Hevy export (starting “title,start_time,end_time”), or an Ironlog export.",
  };
}

function hevyUnitsOf(cells: readonly string[]): DetectedFormat["hevyUnits"] | null {
  for (const weight of ["kg", "lbs"] as const) {
    for (const distance of ["km", "miles"] as const) {
      const expected = HEVY_HEADER_KG.map((c) =>
        c === "weight_kg" ? `weight_${weight}` : c === "distance_km" ? `distance_${distance}` : c,
      );
      if (same(cells, expected)) return { weight: weight === "kg" ? "kg" : "lb", distance: distance === "km" ? "km" : "mi" };
    }
  }
  return null;
}
