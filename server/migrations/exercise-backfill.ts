/**
 * `exercise-backfill`: fills difficulty and equipment_required on exercises imported from the old
 * system, as the old system did (docs/operator-guide.md, "Exercise backfill").
 */
import "server-only";
import { sql } from "drizzle-orm";
import { exercises } from "@/db/schema";
import { type ExerciseColumns, classifyExercise } from "@/lib/migrations/exercise-backfill/rules";
import { exerciseBackfillReport } from "@/lib/migrations/exercise-backfill/report";
import { defineDataMigration } from "./define-migration";
import type { SourceRow } from "./types";

export type ExerciseRow = SourceRow & ExerciseColumns;

const { difficulty, equipmentRequired } = exercises;
// The SQL twin of "classifyExercise would not skip this row" (type and difficulty are constrained by
// the schema, so only the equipment list can be malformed).
export const NEEDS_BACKFILL = sql`(${difficulty} IS NULL OR ${equipmentRequired} = '[]'::jsonb OR jsonb_typeof(${equipmentRequired}) <> 'array')`;

export const exerciseBackfill = defineDataMigration<ExerciseRow>({
  id: "exercise-backfill",
  title: "Exercises: backfill difficulty and equipment",
  description:
    "Sets the difficulty of exercises imported before it existed from their type, and fills an " +
    "empty equipment list with the type, as the old system did.",
  rules: [
    "difficulty, where it was never set (NULL): barbell 3, dumbbell 2, bodyweight 1.",
    'equipment_required, where it is an empty list: [type], e.g. ["barbell"].',
    "An exercise with both already set is skipped; every other column is never touched.",
    "Errors, left untouched: equipment_required that is not a list (null, text, a number or an object).",
  ],
  wording: { name: "exercise backfill", rowsNoun: "exercises", skipped: "Skipped (already filled)" },
  table: exercises,
  key: exercises.id,
  owner: exercises.createdBy,
  updatedAt: exercises.updatedAt,
  columns: { name: exercises.name, type: exercises.type, difficulty, equipmentRequired },
  mayNeedChange: NEEDS_BACKFILL,
  classify: classifyExercise,
  report: exerciseBackfillReport,
});
