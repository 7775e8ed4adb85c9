import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { EXERCISE_MEASURES, EXERCISE_TYPES, type ExerciseMeasure, type ExerciseType } from "../../lib/training/types";
import { sqlList } from "./sql-list";
import { users } from "./users";

export const exercises = pgTable(
  "exercises",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    // Unique among what one athlete sees, ignoring case: the library's names, and each athlete's own
    // beside them (two athletes may both have a "Towel Row"; neither can shadow "Bench Press").
    name: varchar("name", { length: 200 }).notNull(),
    // Text with a CHECK, not an enum: Postgres refuses a new enum value in the transaction that added
    // it, and Drizzle's migrator applies every pending migration in one transaction, so a migration
    // could never add a type and insert exercises of it. Adding a type is editing the CHECK.
    type: text("type").$type<ExerciseType>().notNull(),
    // NULL only for rows imported before difficulty existed; the exercise backfill migration sets it.
    difficulty: smallint("difficulty"),
    // A jsonb list of equipment item names (see lib/equipment.ts). Not constrained to an array in the
    // database so that the integrity check can find legacy rows that are not.
    equipmentRequired: jsonb("equipment_required")
      .$type<unknown>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    notes: text("notes"),
    // NULL for the built-in library; otherwise the athlete's private custom exercise.
    createdBy: integer("created_by").references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // What a set of it records (lib/training/types.ts). Every exercise from before measures existed
    // was logged as weight × reps, so that is the default.
    measure: text("measure").$type<ExerciseMeasure>().notNull().default("reps_load"),
  },
  (t) => [
    check("exercises_type_known", sql`${t.type} IN (${sqlList(EXERCISE_TYPES)})`),
    check("exercises_measure_known", sql`${t.measure} IN (${sqlList(EXERCISE_MEASURES)})`),
    check("exercises_difficulty_range", sql`${t.difficulty} IS NULL OR ${t.difficulty} BETWEEN 1 AND 3`),
    index("exercises_created_by_idx").on(t.createdBy),
    uniqueIndex("exercises_library_name_idx")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.createdBy} IS NULL`),
    uniqueIndex("exercises_owner_name_idx")
      .on(t.createdBy, sql`lower(${t.name})`)
      .where(sql`${t.createdBy} IS NOT NULL`),
  ],
);

export const muscles = pgTable("muscles", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull().unique(),
  // Body region used for grouping in the UI: chest, back, shoulders, arms, legs, core.
  region: text("region").notNull(),
});

export const exerciseMuscles = pgTable(
  "exercise_muscles",
  {
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    muscleId: integer("muscle_id")
      .notNull()
      .references(() => muscles.id, { onDelete: "cascade" }),
    activationRating: smallint("activation_rating").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.exerciseId, t.muscleId] }),
    check("exercise_muscles_activation_range", sql`${t.activationRating} BETWEEN 0 AND 100`),
    index("exercise_muscles_muscle_idx").on(t.muscleId),
  ],
);

export type Exercise = typeof exercises.$inferSelect;
export type NewExercise = typeof exercises.$inferInsert;
export type Muscle = typeof muscles.$inferSelect;
export type ExerciseMuscle = typeof exerciseMuscles.$inferSelect;
