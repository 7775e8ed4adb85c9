import { index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { API_TOKEN_ACCESS } from "../../lib/api/tokens";
import { users } from "./users";

export const apiTokenAccess = pgEnum("api_token_access", API_TOKEN_ACCESS);

/**
 * Personal access tokens for /api/v1 (server/api-v1/tokens.ts). Like reset links, only the token's
 * SHA-256 is stored, so a copy of this table opens no account; the token is shown once, when it is
 * made. A token works until it expires or is revoked: signing out everywhere ends sessions, not tokens.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    access: apiTokenAccess("access").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // Written at most once a minute per token (server/api-v1/tokens.ts), not on every request.
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId, t.createdAt)],
);

export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * The answers to /api/v1 writes sent with an `Idempotency-Key`, per athlete: a request repeated with
 * the same key gets the stored answer and changes nothing. The row is written in the write's own
 * transaction, so two requests with one key at once queue on the primary key and the second finds
 * the first's answer. `request_hash` is the method, path and body: the same key with another request
 * is refused. Rows older than a day are removed as new ones come.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: smallint("status").notNull(),
    body: jsonb("body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("api_idempotency_keys_created_idx").on(t.createdAt)],
);
