import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { EQUIPMENT_CHOICES } from "@/lib/equipment";
import { EXERCISE_TYPES } from "@/lib/training/types";

/**
 * What the data-integrity check looks at: the validator from the old migration guide (row counts,
 * activation ratings 0–100, exercise type and difficulty, `equipment_required` is a list, assessments
 * still in the legacy format, orphaned rows), one entry per table.
 *
 * Conditions are SQL on the table aliased `t` and select the OFFENDING rows. Most of them are also
 * guaranteed by constraints today; the check exists for rows that arrive around them (imports from
 * the old system, manual SQL, a constraint dropped during an incident), which is when an admin needs it.
 */
export interface IntegrityCheckDefinition {
  /** Stable id, `table.check`, used in links and the JSON report. */
  id: string;
  /** What a passing table satisfies, in plain words. */
  label: string;
  condition: SQL;
}

export interface IntegrityTableDefinition {
  table: string;
  label: string;
  /** Columns that identify a row, in order; offending rows are listed and paged by them. */
  key: readonly string[];
  /** Columns shown for an offending row (never secrets such as password hashes). */
  columns: readonly string[];
  checks: readonly IntegrityCheckDefinition[];
}

const CHOICES_SQL = sql.raw(EQUIPMENT_CHOICES.map((c) => `'${c}'`).join(", "));

/** `t.column` references a row of `table` that does not exist. NULL references are not orphans. */
function missing(column: string, table: string): SQL {
  return sql.raw(`(t.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${table} p WHERE p.id = t.${column}))`);
}

function orphans(table: string, references: [column: string, target: string][]): IntegrityCheckDefinition {
  const targets = references.map(([column, target]) => `${target} (${column})`).join(" or ");
  return {
    id: `${table}.orphans`,
    label: `No row points at a missing ${targets}`,
    condition: sql.join(
      references.map(([column, target]) => missing(column, target)),
      sql` OR `,
    ),
  };
}

export const INTEGRITY_TABLES: readonly IntegrityTableDefinition[] = [
  { table: "users", label: "Users", key: ["id"], columns: ["id", "email", "role", "created_at"], checks: [] },
  {
    table: "assessments",
    label: "Assessments",
    key: ["id"],
    columns: ["id", "user_id", "equipment", "equipment_items", "needs_reassessment"],
    checks: [
      {
        id: "assessments.legacy_format",
        label: "No equipment answer is still in the legacy (multi-select array) format",
        condition: sql`jsonb_typeof(t.equipment) = 'array'`,
      },
      {
        id: "assessments.equipment_valid",
        label: `Every other equipment answer is one of ${EQUIPMENT_CHOICES.join(", ")}`,
        condition: sql`jsonb_typeof(t.equipment) IS DISTINCT FROM 'array' AND (jsonb_typeof(t.equipment) IS DISTINCT FROM 'string' OR (t.equipment #>> '{}') NOT IN (${CHOICES_SQL}))`,
      },
      orphans("assessments", [["user_id", "users"]]),
    ],
  },
  {
    table: "exercises",
    label: "Exercises",
    key: ["id"],
    columns: ["id", "name", "type", "difficulty", "equipment_required"],
    checks: [
      {
        id: "exercises.type_valid",
        label: `Type is one of ${EXERCISE_TYPES.join(", ")}`,
        condition: sql`t.type::text NOT IN (${sql.join(
          EXERCISE_TYPES.map((type) => sql`${type}`),
          sql`, `,
        )})`,
      },
      {
        // NULL means the exercise backfill migration has not set it yet: still worth an admin's attention.
        id: "exercises.difficulty_valid",
        label: "Difficulty is set and between 1 and 3",
        condition: sql`t.difficulty IS NULL OR t.difficulty NOT BETWEEN 1 AND 3`,
      },
      {
        id: "exercises.equipment_required_list",
        label: "equipment_required is a list",
        condition: sql`jsonb_typeof(t.equipment_required) IS DISTINCT FROM 'array'`,
      },
      orphans("exercises", [["created_by", "users"]]),
    ],
  },
  { table: "muscles", label: "Muscles", key: ["id"], columns: ["id", "name", "region"], checks: [] },
  {
    table: "exercise_muscles",
    label: "Exercise muscles",
    key: ["exercise_id", "muscle_id"],
    columns: ["exercise_id", "muscle_id", "activation_rating"],
    checks: [
      {
        id: "exercise_muscles.activation_range",
        label: "Activation rating is within 0–100",
        condition: sql`t.activation_rating IS NULL OR t.activation_rating NOT BETWEEN 0 AND 100`,
      },
      orphans("exercise_muscles", [
        ["exercise_id", "exercises"],
        ["muscle_id", "muscles"],
      ]),
    ],
  },
  {
    table: "splits",
    label: "Splits",
    key: ["id"],
    columns: ["id", "user_id", "name"],
    checks: [orphans("splits", [["user_id", "users"]])],
  },
  {
    table: "split_days",
    label: "Split days",
    key: ["id"],
    columns: ["id", "split_id", "name"],
    checks: [orphans("split_days", [["split_id", "splits"]])],
  },
  {
    table: "split_day_exercises",
    label: "Split day exercises",
    key: ["id"],
    columns: ["id", "split_day_id", "exercise_id"],
    checks: [
      orphans("split_day_exercises", [
        ["split_day_id", "split_days"],
        ["exercise_id", "exercises"],
      ]),
    ],
  },
  {
    table: "workout_sessions",
    label: "Workout sessions",
    key: ["id"],
    columns: ["id", "user_id", "split_day_id", "name", "started_at"],
    checks: [
      orphans("workout_sessions", [
        ["user_id", "users"],
        ["split_day_id", "split_days"],
      ]),
    ],
  },
  {
    table: "session_exercises",
    label: "Session exercises",
    key: ["id"],
    columns: ["id", "session_id", "exercise_id", "position"],
    checks: [
      orphans("session_exercises", [
        ["session_id", "workout_sessions"],
        ["exercise_id", "exercises"],
      ]),
    ],
  },
  {
    table: "session_sets",
    label: "Session sets",
    key: ["id"],
    columns: ["id", "session_id", "exercise_id", "reps", "weight_kg"],
    checks: [
      orphans("session_sets", [
        ["session_id", "workout_sessions"],
        ["exercise_id", "exercises"],
      ]),
    ],
  },
  {
    table: "migration_runs",
    label: "Migration runs",
    key: ["id"],
    columns: ["id", "migration_id", "mode", "status", "started_at"],
    checks: [],
  },
  {
    table: "migration_run_items",
    label: "Migration run items",
    key: ["id"],
    columns: ["id", "run_id", "row_id", "status"],
    checks: [orphans("migration_run_items", [["run_id", "migration_runs"]])],
  },
];

export function integrityTable(table: string): IntegrityTableDefinition | undefined {
  return INTEGRITY_TABLES.find((t) => t.table === table);
}
