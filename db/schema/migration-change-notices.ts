import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { migrationRuns } from "./migration-runs";
import { users } from "./users";

/**
 * What an applied data migration did to one athlete's own answer, in plain words from the
 * migration's declaration, shown once on their dashboard until they dismiss it. Undoing the run
 * deletes its notices (in the undo's transaction): the change they describe is gone.
 */
export const migrationChangeNotices = pgTable(
  "migration_change_notices",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    runId: integer("run_id")
      .notNull()
      .references(() => migrationRuns.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The changed row (the migration's own key), so one run tells one athlete once per row.
    rowId: integer("row_id").notNull(),
    message: text("message").notNull(),
    // Where the athlete changes the answer ("/reassess").
    href: text("href").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("migration_change_notices_run_row_idx").on(t.runId, t.rowId),
    index("migration_change_notices_user_idx").on(t.userId, t.dismissedAt),
  ],
);

export type MigrationChangeNotice = typeof migrationChangeNotices.$inferSelect;
