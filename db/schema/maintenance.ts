import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Planned downtime, announced to every signed-in user (lib/maintenance/notice.ts has the rules). In
 * the database rather than in an instance's memory, so every app instance shows the same banner.
 */
export const maintenanceNotices = pgTable(
  "maintenance_notices",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    message: text("message").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // The lead time the admin chose, and the instant it gives (starts_at minus it), which the banner query reads.
    leadMinutes: integer("lead_minutes").notNull(),
    notifyFrom: timestamp("notify_from", { withTimezone: true }).notNull(),
    // Set when an admin ends the window early or cancels it; the completion message then replaces the banner.
    endedAt: timestamp("ended_at", { withTimezone: true }),
    completionMessage: text("completion_message"),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Who scheduled it, kept even if that account is deleted.
    createdBy: text("created_by").notNull(),
    endedBy: text("ended_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("maintenance_notices_window", sql`${t.endsAt} > ${t.startsAt} AND ${t.notifyFrom} <= ${t.startsAt}`),
    check("maintenance_notices_ended", sql`(${t.endedAt} IS NULL) = (${t.completionMessage} IS NULL)`),
    // The banner asks "what is still to come or just ended"; finished notices pile up behind it.
    index("maintenance_notices_ends_at_idx").on(t.endsAt),
  ],
);

export type MaintenanceNotice = typeof maintenanceNotices.$inferSelect;
