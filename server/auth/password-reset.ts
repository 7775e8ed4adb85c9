import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { passwordResetTokens, type User, users } from "@/db/schema";
import { type ResetLinkState, resetLinkRefusal, resetRequestedMessage } from "@/lib/auth/password-reset";
import { retryMessage } from "@/lib/auth/retry-message";
import { passwordResetMessage, RESET_LINK_LIFETIME_MINUTES, resetLinkPath } from "@/lib/mail/messages";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import type { Mailer } from "@/server/mail/mailer";
import { endUserSessions } from "./auth-sessions";
import { hashPassword } from "./passwords";
import type { Throttles } from "./throttle";

/**
 * Password reset: a link with a random single-use token, emailed to the user who asks or issued by an
 * admin. The token is 32 random bytes; the database keeps only its SHA-256 (a fast hash is enough for a
 * secret with 256 bits of entropy, and lets the lookup be an index hit). It works once, for an hour, and
 * only while it is the user's newest token.
 */
export const RESET_LINK_LIFETIME_MS = RESET_LINK_LIFETIME_MINUTES * 60 * 1000;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * A new token for a user (`issuedBy`: the admin issuing it, or none when the user asked by email). The
 * user's row is locked first, so two issues for one user queue up; each supersedes the open ones, so only
 * the newest link works. Returns the token itself, which exists nowhere else: the caller mails it or shows it once.
 */
export async function issueResetToken(
  db: Db,
  request: { userId: number; issuedBy?: { id: number; email: string } | null; now?: Date },
): Promise<{ token: string; expiresAt: Date; email: string }> {
  const now = request.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
  const email = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, request.userId))
      .for("update");
    if (!user) throw new NotFoundError("That user");
    await tx
      .update(passwordResetTokens)
      .set({ supersededAt: now })
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          isNull(passwordResetTokens.usedAt),
          isNull(passwordResetTokens.supersededAt),
        ),
      );
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: hashResetToken(token),
      createdAt: now,
      expiresAt,
      issuedByUserId: request.issuedBy?.id ?? null,
      issuedBy: request.issuedBy?.email ?? null,
    });
    return user.email;
  });
  return { token, expiresAt, email };
}

/** Whether a link still works, and for whom (the reset page shows why one does not, before anyone types). */
export async function inspectResetToken(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<{ state: ResetLinkState; email?: string }> {
  const [row] = await db
    .select({
      usedAt: passwordResetTokens.usedAt,
      supersededAt: passwordResetTokens.supersededAt,
      expiresAt: passwordResetTokens.expiresAt,
      email: users.email,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)))
    .limit(1);
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.supersededAt) return { state: "superseded" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  return { state: "valid", email: row.email };
}

/**
 * Use a link: set the new password and end every session of the user, in one transaction that first
 * marks the token used (one UPDATE with every condition in it, so of two concurrent uses exactly one
 * wins). The sign-in throttle's count for this account from this address is cleared: whoever holds the
 * link has proved they own the mailbox. The caller then signs them in on this device.
 */
export async function resetPassword(
  db: Db,
  throttles: Throttles,
  request: { token: string; password: string; address: string; now?: Date },
): Promise<{ user: User; endedSessions: number }> {
  const now = request.now ?? new Date();
  const passwordHash = await hashPassword(request.password);
  const result = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashResetToken(request.token)),
          isNull(passwordResetTokens.usedAt),
          isNull(passwordResetTokens.supersededAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) {
      const { state } = await inspectResetToken(tx, request.token, now);
      throw new UserFacingError(resetLinkRefusal(state === "valid" ? "used" : state), {
        status: 410,
        code: `reset-link-${state}`,
      });
    }
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId)).returning();
    return { user, endedSessions: await endUserSessions(tx, user.id) };
  });
  await throttles.signIn.recordSuccess({ email: result.user.email, address: request.address });
  return result;
}

/** Mail a reset link to the account with this email, if there is one. Returns whether a message went out. */
export async function sendPasswordResetEmail(
  db: Db,
  mailer: Mailer,
  request: { email: string; origin: string; now?: Date },
): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, request.email)).limit(1);
  if (!user) return false;
  const { token, email } = await issueResetToken(db, { userId: user.id, now: request.now });
  await mailer.send({ to: email, ...passwordResetMessage(`${request.origin}${resetLinkPath(token)}`) });
  return true;
}

export interface ResetRequest {
  email: string;
  /** The client address: what the per-address throttle keys on. */
  address: string;
  /** Where the emailed link points (server/mail/links.ts). */
  origin: string;
}

/**
 * "Forgot password?": the answer is the same words, after the same work (two throttle counts), whether
 * or not the account exists. Looking the account up, issuing the token and sending the mail happen in
 * `inBackground` (Next's `after()` in the app: after the answer is sent), so neither the answer nor its
 * timing says anything about the email. Past the per-email limit nothing more is sent to that address,
 * and the answer still does not change. Only the per-address limit shows: it says nothing about accounts.
 */
export async function answerResetRequest(
  deps: { db: Db; throttles: Throttles; mailer: Mailer; inBackground: (task: () => Promise<void>) => void },
  request: ResetRequest,
): Promise<{ message: string }> {
  const { perAddress, perEmail } = deps.throttles.passwordReset;
  // check, then count: a limit of N lets N requests through (count alone refuses the one that uses the last point).
  const byAddress = await perAddress.check(request.address);
  if (!byAddress.allowed)
    throw new UserFacingError(retryMessage(byAddress.retryAfterSeconds), { status: 429, code: "throttled" });
  await perAddress.count(request.address);
  const byEmail = await perEmail.check(request.email);
  await perEmail.count(request.email);
  if (byEmail.allowed) {
    deps.inBackground(async () => {
      try {
        await sendPasswordResetEmail(deps.db, deps.mailer, { email: request.email, origin: request.origin });
      } catch (error) {
        // The link is not in the error; the address is the operator's to see.
        console.error(
          `[mail] password reset email for ${JSON.stringify(request.email)} not sent (${deps.mailer.description}):`,
          error,
        );
      }
    });
  } else {
    console.warn(
      `[auth] password reset for ${JSON.stringify(request.email)} from ${request.address}: per-email limit reached, nothing sent`,
    );
  }
  return { message: resetRequestedMessage(request.email, deps.mailer.keepsInDemoOutbox) };
}

export type ResetLinkStatus = "open" | "used" | "expired" | "superseded";

export interface ResetLinkRecord {
  id: number;
  createdAt: Date;
  expiresAt: Date;
  /** The admin who issued it, or null: the user asked for it by email. */
  issuedBy: string | null;
  status: ResetLinkStatus;
  /** When it was used or superseded. */
  endedAt: Date | null;
}

/** The user's reset links, newest first: who issued each and when, and what became of it (never the token). */
export async function listResetLinks(
  db: DbOrTx,
  userId: number,
  options: { limit?: number; now?: Date } = {},
): Promise<ResetLinkRecord[]> {
  const now = options.now ?? new Date();
  const rows = await db
    .select({
      id: passwordResetTokens.id,
      createdAt: passwordResetTokens.createdAt,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
      supersededAt: passwordResetTokens.supersededAt,
      issuedBy: passwordResetTokens.issuedBy,
    })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.userId, userId))
    .orderBy(desc(passwordResetTokens.createdAt), desc(passwordResetTokens.id))
    .limit(options.limit ?? 10);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    issuedBy: row.issuedBy,
    status: row.usedAt ? "used" : row.supersededAt ? "superseded" : row.expiresAt.getTime() <= now.getTime() ? "expired" : "open",
    endedAt: row.usedAt ?? row.supersededAt,
  }));
}
