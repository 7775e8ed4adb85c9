import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { retryMessage } from "@/lib/auth/retry-message";
import { UserFacingError } from "@/lib/errors";
import { endUserSessions } from "./auth-sessions";
import { checkPassword, hashPassword } from "./passwords";
import type { Throttles } from "./throttle";

/**
 * Change a signed-in user's password: the current one is required (throttled per account, so a stolen
 * session cannot guess it), and the change ends every other session of theirs, in one transaction
 * with the new hash. The device that asked stays signed in. Returns how many sessions it ended.
 */
export async function changePassword(
  db: Db,
  throttles: Throttles,
  change: { user: User; sid: string; currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const key = String(change.user.id);
  const state = await throttles.passwordChange.check(key);
  if (!state.allowed) throw new UserFacingError(retryMessage(state.retryAfterSeconds), { status: 429, code: "throttled" });
  const check = await checkPassword(change.currentPassword, change.user.passwordHash);
  if (!check.valid) {
    const after = await throttles.passwordChange.count(key);
    if (!after.allowed) throw new UserFacingError(retryMessage(after.retryAfterSeconds), { status: 429, code: "throttled" });
    throw new UserFacingError("That is not your current password.", { field: "currentPassword" });
  }
  if (change.currentPassword === change.newPassword) {
    throw new UserFacingError("Choose a password different from your current one.", { field: "newPassword" });
  }
  await throttles.passwordChange.reset(key);
  const passwordHash = await hashPassword(change.newPassword);
  return db.transaction(async (tx) => {
    // Only over the hash just verified: a change made meanwhile on another device wins, and this one says so.
    const updated = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, change.user.id), eq(users.passwordHash, change.user.passwordHash!)))
      .returning({ id: users.id });
    if (updated.length === 0)
      throw new UserFacingError("Your password was changed meanwhile. Reload the page and try again.", { status: 409 });
    return { endedSessions: await endUserSessions(tx, change.user.id, { except: change.sid }) };
  });
}
