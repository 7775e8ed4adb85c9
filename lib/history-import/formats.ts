/**
 * The files an athlete can bring: Strong's export (every layout since 2015, in the app's languages),
 * Hevy's, FitNotes' and Ironlog's own. A format is recognised by what its header's columns hold, not
 * their exact words or order, in either separator (a spreadsheet may save a file again with the
 * other); one Strong layout that reaches people without a header row is recognised by its first set.
 */
import { type ColumnUnits, FITNOTES_NAMES, has, type Role, rolesOf, STRONG_NAMES } from "./column-names";

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
/** Ironlog's first export, before it carried exercise notes and missed attempts: still read. */
export const IRONLOG_HEADER_FIRST = [
  ...STRONG_HEADER,
  "Weight Unit",
  "Distance Unit",
  "Set Type",
  "Superset",
  "Time Zone",
] as const;
/** Ironlog's export: Strong's columns (so other apps read it) and what Strong has no column for. */
export const IRONLOG_HEADER = [...IRONLOG_HEADER_FIRST, "Exercise Notes", "Missed"] as const;

/** FitNotes writes one row per set, dated by day, in two layouts (the unit in the header or in a column). */
export const FITNOTES_HEADER = [
  "Date",
  "Exercise",
  "Category",
  "Weight",
  "Weight Unit",
  "Reps",
  "Distance",
  "Distance Unit",
  "Time",
] as const;

export type ImportFormat = "strong" | "strong_legacy" | "hevy" | "ironlog" | "fitnotes";

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  strong: "Strong",
  strong_legacy: "Strong (older export)",
  hevy: "Hevy",
  ironlog: "Ironlog",
  fitnotes: "FitNotes",
};

export interface DetectedFormat {
  format: ImportFormat;
  delimiter: "," | ";";
  /** Hevy names its units in its column names (weight_kg or weight_lbs, distance_km or distance_miles). */
  hevyUnits?: { weight: "kg" | "lb"; distance: "km" | "mi" };
  /**
   * Each column's documented name, by position, where the file's own header says it in other words (a
   * translation, a unit for a name) or is missing; left out, the header's cells are the names.
   */
  columns?: readonly string[];
  /** false for a file that starts with its first set (one Strong layout has no header row). */
  hasHeader?: boolean;
  /** Units a Strong or FitNotes header names instead of a unit column ("kg", "Weight (lbs)", "Distance (meters)"). */
  units?: ColumnUnits;
  /** Strong's 2025 layout counts the workout's duration in seconds ("Duration (sec)"). */
  durationInSeconds?: boolean;
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

const HEVY_NAMES = new Set<string>([...HEVY_HEADER_KG, "weight_lbs", "distance_miles"]);

function detected(format: ImportFormat, delimiter: "," | ";", roles: readonly Role[]): DetectedFormat {
  const units: ColumnUnits = Object.assign({}, ...roles.map((r) => r.units ?? {}));
  const result: DetectedFormat = { format, delimiter, columns: roles.map((r) => r.column) };
  if (units.weight || units.distance) result.units = units;
  if (roles.some((r) => r.durationInSeconds)) result.durationInSeconds = true;
  return result;
}

/** A header row recognised by what its columns hold, in either separator. */
function byColumns(cells: readonly string[], delimiter: "," | ";"): DetectedFormat | null {
  if (same(cells, IRONLOG_HEADER) || same(cells, IRONLOG_HEADER_FIRST)) return { format: "ironlog", delimiter };
  const strong = rolesOf(cells, STRONG_NAMES);
  if (strong && has(strong, "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps")) {
    // The layout with a unit per row is Strong's older one; the rest read alike.
    return detected(has(strong, "Weight Unit") ? "strong_legacy" : "strong", delimiter, strong);
  }
  const fitnotes = rolesOf(cells, FITNOTES_NAMES);
  if (fitnotes && has(fitnotes, "Date", "Exercise", "Weight", "Reps", "Distance", "Time")) {
    return detected("fitnotes", delimiter, fitnotes);
  }
  const lower = cells.map((cell) => cell.toLowerCase());
  const hevyColumns = ["title", "start_time", "exercise_title", "set_index", "set_type", "reps"];
  if (lower.every((cell) => HEVY_NAMES.has(cell)) && hevyColumns.every((c) => lower.includes(c))) {
    const units = {
      weight: lower.includes("weight_lbs") ? ("lb" as const) : ("kg" as const),
      distance: lower.includes("distance_miles") ? ("mi" as const) : ("km" as const),
    };
    return { format: "hevy", delimiter, hevyUnits: units };
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}$/;

/**
 * Strong's semicolon layout of 2020-2024 also reaches people as a file without its header row (a
 * script's own save): 13 cells, the first a Strong date, the fifth a number, the sixth a unit.
 */
function headerless(cells: readonly string[]): DetectedFormat | null {
  if (cells.length !== STRONG_LEGACY_HEADER.length || !ISO_DATE.test(cells[0])) return null;
  if (!/^(kg|kgs|lb|lbs)?$/i.test(cells[5]) || !/^\d*([.,]\d+)?$/.test(cells[4])) return null;
  return { format: "strong_legacy", delimiter: ";", columns: STRONG_LEGACY_HEADER, hasHeader: false };
}

/** Each app's column (by its documented name) for a lower-case header cell, and the columns a file must have. */
const APPS: { name: string; column: (cell: string) => string | null; required: readonly string[] }[] = [
  {
    name: "Strong",
    column: (cell) => (Object.hasOwn(STRONG_NAMES, cell) ? STRONG_NAMES[cell].column : null),
    required: ["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps"],
  },
  {
    name: "Hevy",
    column: (cell) => (HEVY_NAMES.has(cell) ? cell : null),
    required: ["title", "start_time", "exercise_title", "set_index", "set_type", "reps"],
  },
  {
    name: "FitNotes",
    column: (cell) => (Object.hasOwn(FITNOTES_NAMES, cell) ? FITNOTES_NAMES[cell].column : null),
    required: ["Date", "Exercise", "Weight", "Reps", "Distance", "Time"],
  },
];

const quoted = (names: readonly string[]) => names.map((name) => `“${name.slice(0, 40)}”`).join(", ");

/** For a header most of whose columns one app writes: which app, the columns it lacks or adds, in words. */
function nearest(cells: readonly string[]): string | null {
  const lower = cells.map((cell) => cell.toLowerCase());
  for (const app of APPS) {
    const columns = lower.map(app.column);
    const unknown = cells.filter((_, i) => columns[i] === null);
    if (cells.length < 4 || unknown.length * 2 >= cells.length) continue;
    const missing = app.required.filter((column) => !columns.includes(column));
    const what = [
      unknown.length
        ? `${quoted(unknown)} ${unknown.length === 1 ? "is not a column" : "are not columns"} ${app.name} writes`
        : "",
      missing.length ? `it has no ${quoted(missing)} column${missing.length === 1 ? "" : "s"}` : "",
      unknown.length || missing.length ? "" : "a column is named twice",
    ]
      .filter(Boolean)
      .join(", and ");
    const expected = `${app.required.slice(0, -1).join(", ")} and ${app.required.at(-1)}`;
    return `This looks like a ${app.name} export, but ${what}. Ironlog expects ${expected} on the first line; export the file again from ${app.name} without editing it.`;
  }
  return null;
}

/** Which format a file's first line announces, or an error that names what was expected. */
export function detectFormat(firstLine: string): FormatDetection {
  const line = firstLine.replace(/^\uFEFF/, "").replace(/\r$/, "");
  const comma = headerCells(line, ",");
  const semicolon = headerCells(line, ";");
  // A spreadsheet may save any of these with the other separator: the one that splits the line into
  // known columns is the file's.
  const found = byColumns(comma, ",") ?? byColumns(semicolon, ";") ?? headerless(semicolon);
  if (found) return { ok: true, detected: found };
  const near = nearest(comma.length >= semicolon.length ? comma : semicolon);
  if (near) return { ok: false, error: near };
  if (/^#{3} [A-Z]/.test(line) || /jefit/i.test(line)) {
    return {
      ok: false,
      error:
        "This looks like a JEFIT backup (sections such as “### SETTING ###”). Ironlog cannot read JEFIT files yet; it reads exports from Strong, Hevy and FitNotes.",
    };
  }
  return {
    ok: false,
    error:
      `This file is not an export Ironlog can read. Its first line is “${line.slice(0, 60)}”. Expected a Strong export ` +
      "(first line starting “Date,Workout Name,Duration,Exercise Name”, in any of Strong's languages), a Hevy export " +
      "(starting “title,start_time,end_time”), a FitNotes export (starting “Date,Exercise,Category”), or an Ironlog export.",
  };
}
