import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { createAuthSession } from "./auth-sessions";
import { checkPassword, hashPassword } from "./passwords";
import type { Throttles } from "./throttle";

export interface SignInRequest {
  email: string;
  password: string;
  /** The client address (server/auth/client-address.ts): what the throttle keys on. */
  address: string;
  userAgent: string | null;
}

export type SignInOutcome =
  { status: "signed-in"; user: User; sid: string } | { status: "refused" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * One sign-in attempt, the whole rule: refuse at once while throttled (no hash is checked, so a
 * throttled guesser costs almost nothing); check the password (as long for an unknown email as for a
 * known one); count a failure, or clear the account's count, upgrade an old-format hash and open an
 * auth_sessions row. Each failure is one log line with the throttle's state, never a stack.
 */
export async function attemptSignIn(db: Db, throttles: Throttles, request: SignInRequest): Promise<SignInOutcome> {
  const attempt = { email: request.email, address: request.address };
  const before = await throttles.signIn.check(attempt);
  if (!before.allowed) {
    logRefusal(request, `throttled, retry after ${before.retryAfterSeconds} s`);
    return { status: "throttled", retryAfterSeconds: before.retryAfterSeconds };
  }
  const [user] = await db.select().from(users).where(eq(users.email, request.email)).limit(1);
  const check = await checkPassword(request.password, user?.passwordHash);
  if (!user || !check.valid) {
    const after = await throttles.signIn.recordFailure(attempt);
    logRefusal(
      request,
      after.allowed
        ? `${after.failuresLeft} failure(s) left before throttling`
        : `now throttled for ${after.retryAfterSeconds} s`,
    );
    return { status: "refused" };
  }
  await throttles.signIn.recordSuccess(attempt);
  if (check.needsUpgrade) {
    // Only if the hash is still the one just verified: a password changed meanwhile is not overwritten.
    const upgraded = await hashPassword(request.password);
    await db
      .update(users)
      .set({ passwordHash: upgraded })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash!)));
    user.passwordHash = upgraded;
  }
  const sid = await createAuthSession(db, { userId: user.id, userAgent: request.userAgent, ipAddress: request.address });
  return { status: "signed-in", user, sid };
}

function logRefusal(request: SignInRequest, state: string): void {
  console.warn(`[auth] sign-in refused for ${JSON.stringify(request.email)} from ${request.address}: ${state}`);
}
