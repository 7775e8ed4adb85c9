import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { migrationRuns } from "./migration-runs";
import { users } from "./users";

/**
 * Whether a run of a data migration needs a second admin's approval. One row per migration that has
 * its own setting, and the default for every other migration in the row named `*` (no migration id
 * has that character). No row at all: no approval needed.
 */
export const migrationSettings = pgTable("migration_settings", {
  migrationId: text("migration_id").primaryKey(),
  requiresApproval: boolean("requires_approval").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One admin asking another to approve applying a migration as one preview showed it (the two-person
 * rule). The approval is bound to that preview and to the fingerprint of the data it read: a newer
 * or stale preview voids it, as does `expires_at`. The run that used it is recorded in `run_id`, so
 * an approval starts one run.
 */
export const migrationApprovals = pgTable(
  "migration_approvals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    migrationId: text("migration_id").notNull(),
    previewRunId: integer("preview_run_id")
      .notNull()
      .references(() => migrationRuns.id, { onDelete: "cascade" }),
    // The preview's source fingerprint when the approval was asked for.
    fingerprint: jsonb("fingerprint").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "approved", "declined"] })
      .notNull()
      .default("pending"),
    requestedBy: text("requested_by").notNull(),
    requestedByUserId: integer("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    requestNote: text("request_note").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by"),
    decidedByUserId: integer("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decisionNote: text("decision_note"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Set when a run starts with this approval: one approval, one run.
    usedAt: timestamp("used_at", { withTimezone: true }),
    runId: integer("run_id").references(() => migrationRuns.id, { onDelete: "set null" }),
  },
  (t) => [
    index("migration_approvals_migration_idx").on(t.migrationId, t.requestedAt),
    index("migration_approvals_run_idx").on(t.runId),
    check("migration_approvals_status_check", sql`${t.status} IN ('pending', 'approved', 'declined')`),
    check("migration_approvals_decided_check", sql`(${t.status} = 'pending') = (${t.decidedAt} IS NULL)`),
  ],
);

export type MigrationSetting = typeof migrationSettings.$inferSelect;
export type MigrationApproval = typeof migrationApprovals.$inferSelect;
