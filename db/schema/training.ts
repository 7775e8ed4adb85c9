import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  primaryKey,
  uniqueIndex,
  uuid,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { SET_TYPES, SPLIT_SOURCES, type SetType } from "../../lib/training/types";
import type { SetField } from "../../lib/training/set";
import { sqlList } from "./sql-list";
import { SESSION_ITEM_KINDS, type FieldTimes } from "../../lib/athlete/session-sync";
import { exercises } from "./exercises";
import { users } from "./users";
import { historyImports } from "./history-imports";

export const splitSource = pgEnum("split_source", SPLIT_SOURCES);
export const sessionItemKind = pgEnum("session_item_kind", SESSION_ITEM_KINDS);

export const splits = pgTable(
  "splits",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // `generated` marks the program built from the assessment; regenerating replaces it.
    source: splitSource("source").notNull().default("custom"),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("splits_user_idx").on(t.userId, t.position)],
);

export const splitDays = pgTable(
  "split_days",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    splitId: integer("split_id")
      .notNull()
      .references(() => splits.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("split_days_split_idx").on(t.splitId, t.position)],
);

export const splitDayExercises = pgTable(
  "split_day_exercises",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    splitDayId: integer("split_day_id")
      .notNull()
      .references(() => splitDays.id, { onDelete: "cascade" }),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    targetSets: smallint("target_sets").notNull().default(3),
    targetRepsMin: smallint("target_reps_min").notNull().default(8),
    targetRepsMax: smallint("target_reps_max").notNull().default(12),
    // "Why this exercise" for generated programs; free text for custom splits.
    note: text("note"),
    // Exercises of a day sharing a group number are a superset: done one after the other, resting
    // after the group's last. NULL: not in a superset.
    supersetGroup: smallint("superset_group"),
  },
  (t) => [
    index("split_day_exercises_day_idx").on(t.splitDayId, t.position),
    check("split_day_exercises_superset_range", sql`${t.supersetGroup} IS NULL OR ${t.supersetGroup} BETWEEN 1 AND 100`),
    check("split_day_exercises_sets_range", sql`${t.targetSets} BETWEEN 1 AND 20`),
    check(
      "split_day_exercises_reps_range",
      sql`${t.targetRepsMin} BETWEEN 1 AND 100 AND ${t.targetRepsMax} BETWEEN ${t.targetRepsMin} AND 100`,
    ),
  ],
);

export const workoutSessions = pgTable(
  "workout_sessions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    // The session's identity made where it was started: a device with no signal names a workout by
    // it until its first save creates the row (a save repeated after a lost answer finds it again).
    uid: uuid("uid").notNull().unique().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    splitDayId: integer("split_day_id").references(() => splitDays.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    // NULL while the session is in progress.
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationSeconds: integer("duration_seconds"),
    notes: text("notes"),
    // Bumped by every save that changes the session or its sets; a device sends the revision it
    // last saw, and a deletion only applies to what that revision held (lib/athlete/session-merge).
    revision: integer("revision").notNull().default(0),
    // When each field (name, notes, durationSeconds) was last edited on a device, in ms since the
    // epoch: the later edit wins, field by field.
    fieldTimes: jsonb("field_times").$type<FieldTimes>().notNull().default({}),
    // The history import that created the session (undo removes those still at revision 0, unedited).
    importId: integer("import_id").references(() => historyImports.id, { onDelete: "set null" }),
    // The uids of workouts other devices started offline for the same plan day while this one was in
    // progress, merged into it when they reached the server: saves under those uids land here.
    mergedUids: uuid("merged_uids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("workout_sessions_import_idx").on(t.importId),
    index("workout_sessions_merged_uids_idx").using("gin", t.mergedUids),
    index("workout_sessions_user_started_idx").on(t.userId, t.startedAt),
    // One workout in progress per athlete: "Start workout" resumes it instead of opening a second.
    uniqueIndex("workout_sessions_one_in_progress")
      .on(t.userId)
      .where(sql`${t.finishedAt} IS NULL`),
    check("workout_sessions_duration_positive", sql`${t.durationSeconds} IS NULL OR ${t.durationSeconds} >= 0`),
  ],
);

/**
 * An exercise slot of a session: "Bench Press, 4 × 8" in the logger. Its id is a UUID made by the
 * device that added it (or by the server when the session is started from a plan), so two devices
 * name the same slot the same way. The plan's targets are copied in, so every device shows the
 * planned rows, and a later edit of the split does not rewrite a workout already started.
 */
export const sessionExercises = pgTable(
  "session_exercises",
  {
    id: uuid("id").primaryKey(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => workoutSessions.id, { onDelete: "cascade" }),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    targetSets: smallint("target_sets"),
    targetRepsMin: smallint("target_reps_min"),
    targetRepsMax: smallint("target_reps_max"),
    note: text("note"),
    // The superset this slot belongs to in its session (see split_day_exercises.superset_group).
    supersetGroup: smallint("superset_group"),
    revision: integer("revision").notNull().default(0),
    fieldTimes: jsonb("field_times").$type<FieldTimes>().notNull().default({}),
    // The ids a merged workout's device gave this exercise (see workout_sessions.merged_uids): its sets
    // saved under those ids land in this slot.
    mergedIds: uuid("merged_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("session_exercises_session_idx").on(t.sessionId, t.position),
    index("session_exercises_exercise_idx").on(t.exerciseId),
    check("session_exercises_superset_range", sql`${t.supersetGroup} IS NULL OR ${t.supersetGroup} BETWEEN 1 AND 100`),
  ],
);

/**
 * What was deleted from a session, by identity: a device that saved before it heard of the deletion
 * cannot bring the set or exercise back, and a removed exercise stays removed.
 */
export const sessionTombstones = pgTable(
  "session_tombstones",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => workoutSessions.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").notNull(),
    kind: sessionItemKind("kind").notNull(),
    /** The session revision the deletion was applied at. */
    revision: integer("revision").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.itemId] })],
);

export const sessionSets = pgTable(
  "session_sets",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => workoutSessions.id, { onDelete: "cascade" }),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    // The set's identity, made by the device that logged it: saves merge by it (never by position).
    uid: uuid("uid").notNull().unique().defaultRandom(),
    exerciseSlotId: uuid("exercise_slot_id")
      .notNull()
      .references(() => sessionExercises.id, { onDelete: "cascade" }),
    // Order within the exercise slot.
    position: integer("position").notNull(),
    // 0 for a set measured by time or distance only.
    reps: smallint("reps").notNull(),
    // A missed attempt (it counts in powerlifting): the only set that may record nothing.
    missed: boolean("missed").notNull().default(false),
    // Always kilograms; the UI converts for users who prefer pounds. Also the load of a carry or a
    // weighted hold.
    weightKg: numeric("weight_kg", { precision: 7, scale: 2, mode: "number" }).notNull().default(0),
    rpe: numeric("rpe", { precision: 3, scale: 1, mode: "number" }),
    notes: text("notes"),
    // Warm-ups count for nothing in records and volume; drop and failure sets count as working sets.
    setType: text("set_type").$type<SetType>().notNull().default("normal"),
    // For exercises measured by time (a plank) or distance and time (a row).
    seconds: integer("duration_seconds"),
    // Always metres, for exercises measured by distance (a carry) or distance and time.
    distanceM: numeric("distance_m", { precision: 9, scale: 2, mode: "number" }),
    /** The session revision this set last changed at. */
    revision: integer("revision").notNull().default(0),
    fieldTimes: jsonb("field_times").$type<FieldTimes>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("session_sets_session_idx").on(t.sessionId, t.position),
    index("session_sets_slot_idx").on(t.exerciseSlotId, t.position),
    index("session_sets_exercise_idx").on(t.exerciseId),
    check("session_sets_reps_range", sql`${t.reps} BETWEEN 0 AND 1000`),
    // What a set may hold (lib/training/set, recordsSomething): reps, a time, a distance or a weight
    // alone, or nothing at all for a missed attempt.
    check(
      "session_sets_records_something",
      sql`${t.reps} > 0 OR ${t.missed} OR coalesce(${t.seconds}, 0) > 0 OR coalesce(${t.distanceM}, 0) > 0 OR ${t.weightKg} > 0`,
    ),
    check("session_sets_type_known", sql`${t.setType} IN (${sqlList(SET_TYPES)})`),
    check("session_sets_duration_range", sql`${t.seconds} IS NULL OR ${t.seconds} BETWEEN 0 AND 86400`),
    check("session_sets_distance_range", sql`${t.distanceM} IS NULL OR ${t.distanceM} BETWEEN 0 AND 1000000`),
    check("session_sets_weight_range", sql`${t.weightKg} >= 0`),
    check("session_sets_rpe_range", sql`${t.rpe} IS NULL OR ${t.rpe} BETWEEN 1 AND 10`),
  ],
);

/**
 * Each of a set's values (lib/training/set) and its column: reads select through this map, and
 * writes use the same property names, so a set field missing here is a compile error. A value's
 * property is the value's own name; the SQL column keeps its name (seconds is duration_seconds).
 */
export const SET_COLUMNS = {
  weightKg: sessionSets.weightKg,
  reps: sessionSets.reps,
  rpe: sessionSets.rpe,
  missed: sessionSets.missed,
  setType: sessionSets.setType,
  seconds: sessionSets.seconds,
  distanceM: sessionSets.distanceM,
} satisfies { [F in SetField]: (typeof sessionSets)[F] };

export type Split = typeof splits.$inferSelect;
export type SplitDay = typeof splitDays.$inferSelect;
export type SplitDayExercise = typeof splitDayExercises.$inferSelect;
export type WorkoutSession = typeof workoutSessions.$inferSelect;
export type SessionSet = typeof sessionSets.$inferSelect;
export type SessionExercise = typeof sessionExercises.$inferSelect;
export type SessionTombstone = typeof sessionTombstones.$inferSelect;
