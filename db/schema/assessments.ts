import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { EXPERIENCE_LEVELS, TRAINING_GOALS } from "../../lib/training/types";
import { users } from "./users";

export const experienceLevel = pgEnum("experience_level", EXPERIENCE_LEVELS);
export const trainingGoal = pgEnum("training_goal", TRAINING_GOALS);

/**
 * One assessment per user. `equipment` is jsonb on purpose: current answers hold one of the strings
 * `no_equipment` | `basic_equipment` | `full_gym`, but rows from the old multi-select question hold an
 * array until the equipment migration converts them. Other systems insert legacy rows naming only
 * user_id, equipment and equipment_items, so every other column has a default or accepts NULL.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    sport: text("sport"),
    age: integer("age"),
    experienceLevel: experienceLevel("experience_level"),
    goal: trainingGoal("goal"),
    daysPerWeek: integer("days_per_week"),
    equipment: jsonb("equipment").$type<unknown>(),
    equipmentItems: jsonb("equipment_items").$type<unknown>(),
    needsReassessment: boolean("needs_reassessment").notNull().default(false),
    reassessmentReason: text("reassessment_reason"),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }),
    // The migration run that set the flag, for the flagged-users list (no FK: runs may be pruned).
    flaggedByRunId: integer("flagged_by_run_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("assessments_age_range", sql`${t.age} IS NULL OR ${t.age} BETWEEN 5 AND 120`),
    check("assessments_days_per_week_range", sql`${t.daysPerWeek} IS NULL OR ${t.daysPerWeek} BETWEEN 1 AND 7`),
    index("assessments_needs_reassessment_idx")
      .on(t.userId)
      .where(sql`${t.needsReassessment}`),
  ],
);

export type Assessment = typeof assessments.$inferSelect;
export type NewAssessment = typeof assessments.$inferInsert;
