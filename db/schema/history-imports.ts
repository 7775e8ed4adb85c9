import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PreviewSummary, StoredWorkout } from "../../lib/history-import/stored";
import { exercises } from "./exercises";
import { users } from "./users";

/**
 * An uploaded history file, parsed and waiting for the athlete to confirm it (the preview). Kept in the
 * database rather than in one instance's memory so any instance can finish the import; a day later it
 * is gone (deleted by the next upload, or refused as expired).
 */
export const historyImportPreviews = pgTable(
  "history_import_previews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    summary: jsonb("summary").$type<PreviewSummary>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '1 day'`),
  },
  (t) => [index("history_import_previews_user_idx").on(t.userId), index("history_import_previews_expires_idx").on(t.expiresAt)],
);

/** The workouts of a preview, one row each, in the order they are imported. */
export const historyImportPreviewWorkouts = pgTable(
  "history_import_preview_workouts",
  {
    previewId: uuid("preview_id")
      .notNull()
      .references(() => historyImportPreviews.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    /** The distinct exercise names, for the duplicate check without reading every set. */
    exerciseNames: jsonb("exercise_names").$type<string[]>().notNull(),
    workout: jsonb("workout").$type<StoredWorkout>().notNull(),
  },
  (t) => [index("history_import_preview_workouts_idx").on(t.previewId, t.position)],
);

/** One import of a history file: what it created (its sessions point back here) and whether it was undone. */
export const historyImports = pgTable(
  "history_imports",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    workouts: integer("workouts").notNull(),
    sets: integer("sets").notNull(),
    duplicatesSkipped: integer("duplicates_skipped").notNull().default(0),
    rowsSkipped: integer("rows_skipped").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    /** Sessions the undo removed, and those it kept because the athlete had edited them since. */
    undoRemoved: integer("undo_removed"),
    undoKept: integer("undo_kept"),
    /** The athlete's own exercises the import had added that the undo removed (those still in use stay). */
    undoExercisesRemoved: integer("undo_exercises_removed"),
  },
  (t) => [
    index("history_imports_user_idx").on(t.userId, t.createdAt),
    check("history_imports_counts", sql`${t.workouts} >= 0 AND ${t.sets} >= 0`),
  ],
);

export type HistoryImportPreview = typeof historyImportPreviews.$inferSelect;
export type HistoryImport = typeof historyImports.$inferSelect;

/**
 * The athlete's own exercises an import added ("Create as my own"), so that undoing the import removes
 * them too, as long as nothing else of the athlete's (a session, a split) uses them by then.
 */
export const historyImportExercises = pgTable(
  "history_import_exercises",
  {
    importId: integer("import_id")
      .notNull()
      .references(() => historyImports.id, { onDelete: "cascade" }),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.importId, t.exerciseId] }), index("history_import_exercises_exercise_idx").on(t.exerciseId)],
);
