/**
 * zod schemas for the rows of a dump, built from the Drizzle columns (type, NULL, default, enum
 * values, varchar length, numeric precision) plus the table CHECK constraints, which Drizzle keeps as
 * opaque SQL and are therefore restated in CHECK_RULES. A row that passes will insert; catching the
 * problem here instead lets the import name the line and field instead of failing mid-transaction.
 */
import "server-only";
import { z } from "@/lib/zod";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getTableConfig } from "drizzle-orm/pg-core";
import { EXERCISE_MEASURES, EXERCISE_TYPES, SET_TYPES } from "@/lib/training/types";
import { recordsSomething } from "@/lib/training/set";
import { type DumpTable, type DumpTableName, dumpTables } from "./tables";

type Row = Record<string, unknown>;

interface CheckRule {
  field: string;
  holds(row: Row): boolean;
  message: string;
}

const isNull = (value: unknown) => value === null || value === undefined;
const between = (value: unknown, low: number, high: number) =>
  isNull(value) || (typeof value === "number" && value >= low && value <= high);
/** A text column checked against one of lib's value lists; left out, it takes its (listed) default. */
const oneOf = (value: unknown, values: readonly string[]) =>
  value === undefined || (typeof value === "string" && values.includes(value));
const numberOr0 = (value: unknown) => (typeof value === "number" ? value : 0);

/** One rule per CHECK constraint in db/schema, by constraint name (tables.test.ts keeps them in step). */
export const CHECK_RULES: Record<string, CheckRule> = {
  users_email_lower_case: {
    field: "email",
    holds: (r) => typeof r.email !== "string" || r.email === r.email.toLowerCase(),
    message: "must be lower-case",
  },
  assessments_age_range: { field: "age", holds: (r) => between(r.age, 5, 120), message: "must be between 5 and 120" },
  assessments_days_per_week_range: {
    field: "days_per_week",
    holds: (r) => between(r.days_per_week, 1, 7),
    message: "must be between 1 and 7",
  },
  exercises_type_known: {
    field: "type",
    holds: (r) => r.type === undefined || oneOf(r.type, EXERCISE_TYPES),
    message: `must be one of ${EXERCISE_TYPES.join(", ")}`,
  },
  exercises_measure_known: {
    field: "measure",
    holds: (r) => oneOf(r.measure, EXERCISE_MEASURES),
    message: `must be one of ${EXERCISE_MEASURES.join(", ")}`,
  },
  exercises_difficulty_range: {
    field: "difficulty",
    holds: (r) => between(r.difficulty, 1, 3),
    message: "must be 1, 2 or 3",
  },
  exercise_muscles_activation_range: {
    field: "activation_rating",
    holds: (r) => between(r.activation_rating, 0, 100),
    message: "must be between 0 and 100",
  },
  split_day_exercises_sets_range: {
    field: "target_sets",
    holds: (r) => between(r.target_sets, 1, 20),
    message: "must be between 1 and 20",
  },
  split_day_exercises_reps_range: {
    field: "target_reps_max",
    // Columns left out take their defaults (8-12), which satisfy the rule.
    holds: (r) => {
      const min = typeof r.target_reps_min === "number" ? r.target_reps_min : 8;
      const max = typeof r.target_reps_max === "number" ? r.target_reps_max : 12;
      return min >= 1 && min <= 100 && max >= min && max <= 100;
    },
    message: "target reps must satisfy 1 <= min <= max <= 100",
  },
  workout_sessions_duration_positive: {
    field: "duration_seconds",
    holds: (r) => isNull(r.duration_seconds) || (typeof r.duration_seconds === "number" && r.duration_seconds >= 0),
    message: "must not be negative",
  },
  session_sets_reps_range: { field: "reps", holds: (r) => between(r.reps, 0, 1000), message: "must be between 0 and 1000" },
  session_sets_records_something: {
    field: "reps",
    // The set's own rule; columns left out take their defaults (missed = false, no weight, time or distance).
    holds: (r) =>
      // A count out of range is the range rule's to name.
      typeof r.reps !== "number" ||
      r.reps < 0 ||
      recordsSomething({
        reps: r.reps,
        missed: r.missed === true,
        weightKg: numberOr0(r.weight_kg),
        seconds: numberOr0(r.duration_seconds),
        distanceM: numberOr0(r.distance_m),
      }),
    message: "0 reps only for an attempt marked missed, or a set with a weight, a time or a distance",
  },
  session_sets_type_known: {
    field: "set_type",
    holds: (r) => oneOf(r.set_type, SET_TYPES),
    message: `must be one of ${SET_TYPES.join(", ")}`,
  },
  session_sets_duration_range: {
    field: "duration_seconds",
    holds: (r) => between(r.duration_seconds, 0, 86400),
    message: "must be between 0 and 86400 seconds",
  },
  session_sets_distance_range: {
    field: "distance_m",
    holds: (r) => between(r.distance_m, 0, 1_000_000),
    message: "must be between 0 and 1000000 metres",
  },
  split_day_exercises_superset_range: {
    field: "superset_group",
    holds: (r) => between(r.superset_group, 1, 100),
    message: "must be between 1 and 100",
  },
  session_exercises_superset_range: {
    field: "superset_group",
    holds: (r) => between(r.superset_group, 1, 100),
    message: "must be between 1 and 100",
  },
  session_sets_weight_range: {
    field: "weight_kg",
    holds: (r) => isNull(r.weight_kg) || (typeof r.weight_kg === "number" && r.weight_kg >= 0),
    message: "must not be negative",
  },
  session_sets_rpe_range: { field: "rpe", holds: (r) => between(r.rpe, 1, 10), message: "must be between 1 and 10" },
  history_imports_counts: {
    field: "workouts",
    holds: (r) => typeof r.workouts !== "number" || typeof r.sets !== "number" || (r.workouts >= 0 && r.sets >= 0),
    message: "counts must not be negative",
  },
  maintenance_notices_window: {
    field: "ends_at",
    // Timestamps in a dump are ISO 8601 text; the row's own column checks reject anything else.
    holds: (r) => {
      const [starts, ends, notify] = [r.starts_at, r.ends_at, r.notify_from].map((v) =>
        typeof v === "string" ? Date.parse(v) : NaN,
      );
      return [starts, ends, notify].some(Number.isNaN) || (ends > starts && notify <= starts);
    },
    message: "the window must end after it starts, and users be told no later than the start",
  },
  maintenance_notices_ended: {
    field: "completion_message",
    holds: (r) => isNull(r.ended_at) === isNull(r.completion_message),
    message: "an ended notice needs its completion message, and only an ended one has one",
  },
  migration_approvals_status_check: {
    field: "status",
    holds: (r) => ["pending", "approved", "declined"].includes(r.status as string),
    message: "must be pending, approved or declined",
  },
  migration_approvals_decided_check: {
    field: "decided_at",
    holds: (r) => (r.status === "pending") === isNull(r.decided_at),
    message: "a decided request has its decision time, and only a decided one has one",
  },
};

const INTEGER_RANGES: Record<string, [number, number]> = {
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

// Postgres text cannot hold NUL; rejecting it here names the field instead of failing the insert.
const pgText = z.string().refine((s) => !s.includes("\u0000"), "must not contain a NUL character");

function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") {
    return Object.entries(value).some(([key, item]) => key.includes("\u0000") || containsNul(item));
  }
  return false;
}

/** The zod type for one column's non-NULL values. */
export function columnValueSchema(column: PgColumn): z.ZodType {
  const sqlType = column.getSQLType();
  switch (column.columnType) {
    case "PgInteger":
    case "PgSmallInt":
    case "PgBigInt53": {
      const [min, max] = INTEGER_RANGES[sqlType] ?? INTEGER_RANGES.integer;
      return z.number().int().min(min).max(max);
    }
    case "PgNumericNumber":
      return numericSchema(column);
    case "PgText":
      return pgText;
    case "PgVarchar": {
      const length = (column as PgColumn & { length?: number }).length;
      return length ? pgText.max(length) : pgText;
    }
    case "PgEnumColumn":
      return z.enum(column.enumValues as [string, ...string[]]);
    case "PgBoolean":
      return z.boolean();
    case "PgUUID":
      return z.guid();
    case "PgTimestamp":
      // The pattern allows year 0000, which Postgres refuses (there is no year zero).
      return z.iso.datetime({ offset: true }).refine((s) => !s.startsWith("0000"), "year 0000 does not exist");
    case "PgJsonb":
    case "PgJson":
      // jsonb refuses \u0000 in strings, like text.
      return z.json().refine((value) => !containsNul(value), "must not contain a NUL character");
    case "PgArray":
      return z.array(columnValueSchema((column as PgColumn & { baseColumn: PgColumn }).baseColumn));
    default:
      throw new Error(`No dump validation for column ${column.name} of type ${column.columnType}`);
  }
}

function numericSchema(column: PgColumn): z.ZodType {
  const { precision, scale } = column as PgColumn & { precision?: number; scale?: number };
  let schema = z.number().finite();
  if (precision !== undefined) {
    const places = scale ?? 0;
    const limit = 10 ** (precision - places);
    schema = schema
      .refine((n) => Math.abs(n) < limit, `must be less than ${limit} in absolute value`)
      .refine((n) => Number(n.toFixed(places)) === n, `must have at most ${places} decimal places`);
  }
  return schema;
}

/**
 * The schema for a whole row. Primary key columns are required (ids are kept); columns with a
 * default or that accept NULL may be left out, so a dump from an older schema still loads; a column
 * the schema does not have is refused.
 */
export function rowSchema(table: DumpTable): z.ZodType<Row> {
  const shape: Record<string, z.ZodType> = {};
  for (const column of table.columns) {
    let schema = columnValueSchema(column);
    if (!column.notNull) schema = schema.nullable();
    const required = table.primaryKey.includes(column.name) || (column.notNull && !column.hasDefault);
    shape[column.name] = required ? schema : schema.optional();
  }
  const rules = getTableConfig(table.table).checks.map((check) => {
    const rule = CHECK_RULES[check.name];
    if (!rule) throw new Error(`No dump validation rule for CHECK constraint ${check.name}`);
    return rule;
  });
  return z.strictObject(shape).superRefine((row, ctx) => {
    for (const rule of rules) {
      if (!rule.holds(row)) ctx.addIssue({ code: "custom", path: [rule.field], message: rule.message });
    }
  }) as z.ZodType<Row>;
}

let schemas: Map<DumpTableName, z.ZodType<Row>> | undefined;

export function rowSchemaFor(table: DumpTableName): z.ZodType<Row> {
  if (!schemas) schemas = new Map(dumpTables().map((t) => [t.name, rowSchema(t)]));
  return schemas.get(table)!;
}
