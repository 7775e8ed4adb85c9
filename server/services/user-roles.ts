import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { ForbiddenError, NotFoundError, UserFacingError } from "@/lib/errors";
import { roleChangeRefusal } from "@/lib/auth/roles";
import type { Role } from "@/lib/auth/roles";
import { endUserSessions } from "@/server/auth/auth-sessions";

/**
 * Give a user a role, as `actorId`. One transaction that first locks every admin row, so concurrent
 * changes queue up and each sees the admins the previous one left. Returns whether anything changed.
 * Demoting an admin ends every one of their sessions in the same transaction.
 */
export async function changeUserRole(
  db: Db,
  change: { actorId: number; userId: number; role: Role },
): Promise<{ email: string; role: Role; changed: boolean }> {
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "admin"))
      .orderBy(asc(users.id))
      .for("update");
    const [target] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(eq(users.id, change.userId))
      .for("update");
    if (!target) throw new NotFoundError("That user");
    const refusal = roleChangeRefusal({
      actorId: change.actorId,
      target,
      newRole: change.role,
      adminIds: admins.map((a) => a.id),
    });
    if (refusal?.code === "not_admin") throw new ForbiddenError(refusal.message);
    if (refusal) throw new UserFacingError(refusal.message, { status: 409, code: refusal.code });
    if (target.role === change.role) return { email: target.email, role: target.role, changed: false };
    await tx.update(users).set({ role: change.role }).where(eq(users.id, target.id));
    // A demoted admin signs in again: no device keeps a session that was opened with admin rights.
    if (target.role === "admin") await endUserSessions(tx, target.id);
    return { email: target.email, role: change.role, changed: true };
  });
}
