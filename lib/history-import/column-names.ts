/**
 * What Strong's and FitNotes' header cells mean, in the languages their exports are written in: each
 * name mapped to the column's documented English name (and a unit, where the name gives one), so a
 * translated or re-worded header reads like the original (formats.ts recognises a file by them).
 */

/** Units a header names in a column's name instead of a unit column ("kg", "Weight (lbs)"). */
export interface ColumnUnits {
  weight?: "kg" | "lb";
  distance?: "km" | "mi" | "m";
}

/** What a header cell holds: the documented column, and the unit its name gives. */
export interface Role {
  column: string;
  units?: ColumnUnits;
  durationInSeconds?: boolean;
}

/**
 * Strong's column names as its exports write them, in every language seen in real exports (English,
 * German, French, Chinese), each mapped to the documented English name; the 2015-2019 layouts name
 * the unit instead of the value ("kg", "mi"), the 2025 layout both ("Weight (kg)").
 */
export const STRONG_NAMES: Record<string, Role> = Object.fromEntries(
  (
    [
      ["Date", ["date", "datum", "日期"]],
      ["Workout Name", ["workout name", "workout-name", "nom de l'entraînement", "锻炼名称"]],
      ["Duration", ["duration", "workout duration", "dauer", "durée", "时长"]],
      ["Exercise Name", ["exercise name", "name der übung", "nom de l'exercice", "运动名称"]],
      ["Set Order", ["set order", "reihenfolge festlegen", "ordre de la série", "设置顺序"]],
      ["Weight", ["weight", "gewicht", "poids", "重量"]],
      ["Weight Unit", ["weight unit"]],
      ["Reps", ["reps", "wiederh.", "réps", "次"]],
      ["RPE", ["rpe"]],
      ["Distance", ["distance", "entfernung", "距离"]],
      ["Distance Unit", ["distance unit"]],
      ["Seconds", ["seconds", "sekunden", "secondes", "秒"]],
      ["Notes", ["notes", "notizen", "备注"]],
      ["Workout Notes", ["workout notes", "workout-notizen", "notes d'entraînement", "锻炼备注"]],
      ["Workout #", ["workout #"]],
    ] as const
  ).flatMap(([column, names]) => names.map((name): [string, Role] => [name, { column }])),
);
Object.assign(STRONG_NAMES, {
  kg: { column: "Weight", units: { weight: "kg" } },
  lb: { column: "Weight", units: { weight: "lb" } },
  lbs: { column: "Weight", units: { weight: "lb" } },
  km: { column: "Distance", units: { distance: "km" } },
  mi: { column: "Distance", units: { distance: "mi" } },
  "weight (kg)": { column: "Weight", units: { weight: "kg" } },
  "weight (lbs)": { column: "Weight", units: { weight: "lb" } },
  "distance (meters)": { column: "Distance", units: { distance: "m" } },
  "duration (sec)": { column: "Duration", durationInSeconds: true },
} satisfies Record<string, Role>);

export const FITNOTES_NAMES: Record<string, Role> = {
  date: { column: "Date" },
  exercise: { column: "Exercise" },
  category: { column: "Category" },
  weight: { column: "Weight" },
  "weight (lbs)": { column: "Weight", units: { weight: "lb" } },
  "weight (kgs)": { column: "Weight", units: { weight: "kg" } },
  "weight unit": { column: "Weight Unit" },
  reps: { column: "Reps" },
  distance: { column: "Distance" },
  "distance unit": { column: "Distance Unit" },
  time: { column: "Time" },
  comment: { column: "Comment" },
};

/** Each cell's role, or null when a cell is not one of the app's columns or a role is named twice. */
export function rolesOf(cells: readonly string[], names: Record<string, Role>): Role[] | null {
  const roles = cells.map((cell) => (Object.hasOwn(names, cell.toLowerCase()) ? names[cell.toLowerCase()] : null));
  if (roles.some((role) => role === null)) return null;
  const columns = roles.map((role) => role!.column);
  return new Set(columns).size === columns.length ? (roles as Role[]) : null;
}

export const has = (roles: readonly Role[], ...columns: string[]) => columns.every((c) => roles.some((r) => r.column === c));
