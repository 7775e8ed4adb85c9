import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Password reset links (server/auth/password-reset.ts). The link carries a random token; only its
 * SHA-256 is stored, so a copy of this table opens no account. A token works once, for an hour, and only
 * while it is the user's newest: issuing one supersedes the open ones (the partial unique index keeps at
 * most one open per user, whatever races). Rows stay after use: they are the record of who issued a
 * link for whom and when (`issued_by_user_id`: the admin, or NULL when the user asked by email).
 */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    issuedByUserId: integer("issued_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // The issuing admin's email, kept even if that account is deleted.
    issuedBy: text("issued_by"),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_one_open_per_user")
      .on(t.userId)
      .where(sql`${t.usedAt} IS NULL AND ${t.supersededAt} IS NULL`),
    index("password_reset_tokens_user_idx").on(t.userId, t.createdAt),
  ],
);

export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;

export const MAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export const mailStatus = pgEnum("mail_status", MAIL_STATUSES);

/**
 * Outgoing mail, sent in the background by whichever app instance is up (server/mail/queue.ts). A
 * sender claims a message by setting it `sending` with `next_attempt_at` pushed a lease ahead, under
 * `FOR UPDATE SKIP LOCKED`, so two instances never take the same one; a sender that dies mid-send leaves
 * it claimable again once the lease runs out. A message that failed every attempt is `failed`, with
 * the last error, until an admin retries it.
 */
export const mailQueue = pgTable(
  "mail_queue",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    status: mailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // What the message is about, when it is a flagged user's notice (the page shows its delivery).
    flaggedNoticeId: integer("flagged_notice_id").references(() => flaggedUserNotices.id, { onDelete: "set null" }),
  },
  (t) => [
    // What a sender looks for: messages due now, in order. Sent and failed ones are not in the index.
    index("mail_queue_due_idx")
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} IN ('pending', 'sending')`),
    index("mail_queue_flagged_notice_idx").on(t.flaggedNoticeId),
  ],
);

export type MailQueueRow = typeof mailQueue.$inferSelect;

/**
 * Flagged users who were told to re-assess (docs/operator-guide.md, "Telling flagged users"): one row per user and per run
 * that flagged them, so sending again tells only those not told yet, and a user flagged again by a later
 * run is told again. Who sent it and when are kept with it.
 */
export const flaggedUserNotices = pgTable(
  "flagged_user_notices",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The run that flagged them (NULL: flagged before run records); no FK, as on assessments: runs may be pruned.
    flaggedByRunId: integer("flagged_by_run_id"),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }),
    toldByUserId: integer("told_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Who sent it, kept even if that account is deleted.
    toldBy: text("told_by").notNull(),
    toldAt: timestamp("told_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("flagged_user_notices_once_per_run").on(t.userId, t.flaggedByRunId).nullsNotDistinct()],
);

export type FlaggedUserNotice = typeof flaggedUserNotices.$inferSelect;
