/**
 * `strip-legacy-name-suffixes`: removes the emoji the old system's save step appended to exercise
 * names (" 💪" to "Bench Press" names, " 🦵" to "Squats" names). Split names: the split declaration
 * beside it, with the same rules.
 */
import "server-only";
import { exercises } from "@/db/schema";
import { type NamedRow, classifyExerciseName, EXERCISE_NAME_SUFFIXES } from "@/lib/migrations/strip-legacy-name-suffixes/rules";
import { legacyNameReport } from "@/lib/migrations/strip-legacy-name-suffixes/report";
import { endsInLegacySuffix, otherNamesOfOwner } from "./legacy-name-sql";
import { defineDataMigration } from "./define-migration";
import type { SourceRow } from "./types";

export const stripLegacyNameSuffixes = defineDataMigration<SourceRow & NamedRow>({
  id: "strip-legacy-name-suffixes",
  title: "Exercise names: strip the old system's emoji",
  description:
    "Removes the decorations the old system's transform appended to exercise names, which the legacy " +
    'import brought in: " 💪" after names containing "Bench Press", " 🦵" after names containing "Squats".',
  rules: [
    'A name ending in " 💪" that contains "Bench Press", or in " 🦵" that contains "Squats", loses that suffix (repeated ones too). Case matters, as it did for the transform.',
    "Any other name is skipped, emoji an athlete typed included.",
    "Error, left untouched: the stripped name equals (ignoring case) the name another exercise of the same owner has or would get (the library is one owner). Both are reported; rename one by hand.",
    "Only the name changes; every other column is never touched.",
  ],
  wording: { name: "exercise name suffix", rowsNoun: "exercises", skipped: "Skipped (no legacy suffix)" },
  table: exercises,
  key: exercises.id,
  owner: exercises.createdBy,
  updatedAt: exercises.updatedAt,
  columns: { name: exercises.name, otherNames: otherNamesOfOwner(exercises, exercises.id, exercises.createdBy, exercises.name) },
  mayNeedChange: endsInLegacySuffix(exercises.name, EXERCISE_NAME_SUFFIXES),
  classify: classifyExerciseName,
  report: legacyNameReport("exercise_id"),
});
