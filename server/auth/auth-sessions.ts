import "server-only";
import { and, desc, eq, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type AuthSession, authSessions, type User, users } from "@/db/schema";

/** Last-seen is written at most this often per session, not on every request. */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;
/** As long as the session cookie lives (server/auth/config.ts): older rows can never be used again. */
export const SESSION_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/** A row for a new sign-in; returns its id, which the session cookie carries as `sid`. */
export async function createAuthSession(
  db: DbOrTx,
  session: { userId: number; userAgent: string | null; ipAddress: string | null },
): Promise<string> {
  // The user's rows whose cookie has expired by now go at the same time: nothing else would remove them.
  await db
    .delete(authSessions)
    .where(
      and(
        eq(authSessions.userId, session.userId),
        lt(authSessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_LIFETIME_SECONDS})`),
      ),
    );
  const [row] = await db
    .insert(authSessions)
    .values({ userId: session.userId, userAgent: session.userAgent?.slice(0, 500) ?? null, ipAddress: session.ipAddress })
    .returning({ id: authSessions.id });
  return row.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user behind a session cookie, only while its row exists: one statement, run on every request
 * that checks who is calling. Touches last-seen when it is older than LAST_SEEN_EVERY_MS.
 */
export async function userForSession(db: DbOrTx, sid: string, userId: number, now = new Date()): Promise<User | null> {
  if (!UUID.test(sid)) return null;
  const [row] = await db
    .select({ user: users, lastSeenAt: authSessions.lastSeenAt })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sid), eq(authSessions.userId, userId)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sid));
  }
  return row.user;
}

/** The user's signed-in devices, most recently seen first. */
export function listAuthSessions(
  db: DbOrTx,
  userId: number,
): Promise<Pick<AuthSession, "id" | "createdAt" | "lastSeenAt" | "userAgent" | "ipAddress">[]> {
  return db
    .select({
      id: authSessions.id,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      userAgent: authSessions.userAgent,
      ipAddress: authSessions.ipAddress,
    })
    .from(authSessions)
    .where(eq(authSessions.userId, userId))
    .orderBy(desc(authSessions.lastSeenAt), desc(authSessions.createdAt));
}

/** End one session. Scoped to its user, so nobody can end someone else's by guessing an id. */
export async function endAuthSession(db: DbOrTx, session: { id: string; userId: number }): Promise<boolean> {
  if (!UUID.test(session.id)) return false;
  const ended = await db
    .delete(authSessions)
    .where(and(eq(authSessions.id, session.id), eq(authSessions.userId, session.userId)))
    .returning({ id: authSessions.id });
  return ended.length > 0;
}

/** End every session of a user, or every one but `except` (the device that asked). Returns how many. */
export async function endUserSessions(db: DbOrTx, userId: number, options: { except?: string } = {}): Promise<number> {
  const ended = await db
    .delete(authSessions)
    .where(and(eq(authSessions.userId, userId), options.except ? ne(authSessions.id, options.except) : undefined))
    .returning({ id: authSessions.id });
  return ended.length;
}
