import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per signed-in device. The session cookie (a JWT, which Auth.js's Credentials provider needs)
 * carries the row's id as `sid`; every request checks the row still exists, so deleting it (sign-out,
 * "sign out everywhere", a password change, a demotion) ends that session at once on every instance.
 * Named auth_sessions so it never reads as a workout session.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Written at most every few minutes (server/auth/auth-sessions.ts), not on every request.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    userAgent: text("user_agent"),
    // The client address at sign-in, as the throttle saw it: shown in the device list.
    ipAddress: text("ip_address"),
  },
  (t) => [index("auth_sessions_user_id_idx").on(t.userId, t.lastSeenAt)],
);

export type AuthSession = typeof authSessions.$inferSelect;

/**
 * rate-limiter-flexible's RateLimiterDrizzle store (its expected columns: key, points, expire), shared
 * by every app instance: sign-in, sign-up and password-change throttling (server/auth/throttle.ts).
 * Keys are prefixed by limiter, so one table serves all of them.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);
