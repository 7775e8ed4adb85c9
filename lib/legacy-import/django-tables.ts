/**
 * The old system's database tables, read directly (MySQL or MariaDB) instead of through `dumpdata`:
 * each row becomes the record `dumpdata` would have written for it, so one plan (plan-legacy-import.ts)
 * serves both sources and they give the same result for the same data.
 *
 * A row becomes `{ model, pk: id, fields }` the way Django serializes a model: the primary key leaves
 * the fields, a foreign-key column (`user_id`) is named by its field (`user`), and a many-to-many
 * field (a split day's workouts) is the list of linked keys in the link table's order. Every other
 * column passes through under its own name, so a column the old system added or dropped over the
 * years is treated exactly as the same field missing from or added to a dump.
 */
import type { DjangoRecord, LegacyModel, LegacyPk } from "./django-dump";

export interface DjangoTable {
  /** Django's default table name: `<app>_<model>`. */
  table: string;
  model: LegacyModel;
  /** Foreign-key column → the field name `dumpdata` gives it. */
  foreignKeys: Readonly<Record<string, string>>;
  /**
   * JSONField columns. MariaDB stores JSON as LONGTEXT, and a column from before Django had a JSONField
   * is plain text: either way the driver hands over text, parsed here.
   */
  json: readonly string[];
}

/** The tables Ironlog reads, in LEGACY_MODELS order (Django's default names for those models). */
export const DJANGO_TABLES: readonly DjangoTable[] = [
  { table: "auth_user", model: "auth.user", foreignKeys: {}, json: [] },
  { table: "workouts_workout", model: "workouts.workout", foreignKeys: { user_id: "user" }, json: ["equipment_required"] },
  { table: "workouts_workoutmuscle", model: "workouts.workoutmuscle", foreignKeys: { workout_id: "workout" }, json: [] },
  { table: "workouts_split", model: "workouts.split", foreignKeys: { user_id: "user" }, json: [] },
  { table: "workouts_splitday", model: "workouts.splitday", foreignKeys: { split_id: "split" }, json: [] },
  {
    table: "assessments_assessment",
    model: "assessments.assessment",
    foreignKeys: { user_id: "user" },
    json: ["equipment", "equipment_items"],
  },
];

/** The split day ↔ workout link table Django creates for `SplitDay.workouts` (a ManyToManyField). */
export const SPLIT_DAY_WORKOUTS_TABLE = {
  table: "workouts_splitday_workouts",
  day: "splitday_id",
  workout: "workout_id",
} as const;

/** Every table the import needs, for checking that a database is the old system's before reading it. */
export const DJANGO_TABLE_NAMES: readonly string[] = [...DJANGO_TABLES.map((t) => t.table), SPLIT_DAY_WORKOUTS_TABLE.table];

/**
 * The `dumpdata` record for one row. `workouts`: a split day's linked workout keys, in link order.
 * The row's values are as the driver reads them, with booleans as booleans and datetimes as the
 * database's text (naive, in UTC, as Django writes them): legacy-values.ts maps them as it maps a dump's.
 */
export function djangoRecordFromRow(
  table: DjangoTable,
  row: Readonly<Record<string, unknown>>,
  workouts?: readonly LegacyPk[],
): DjangoRecord {
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === "id") continue;
    const name = table.foreignKeys[column] ?? column;
    fields[name] = table.json.includes(column) ? jsonColumnValue(value) : value;
  }
  if (table.model === "workouts.splitday") fields.workouts = [...(workouts ?? [])];
  return { model: table.model, pk: row.id as LegacyPk, fields };
}

/**
 * A JSON column's value: the parsed JSON, or the text itself when it is not JSON (a column from
 * before JSONField, holding `basic_equipment` unquoted), kept as given for the migrations to judge
 * like any other odd legacy value.
 */
function jsonColumnValue(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
