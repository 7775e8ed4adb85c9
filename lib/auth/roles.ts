/** Who a user is to Ironlog. The schema's user_role enum is built from this list. */
export const ROLES = ["athlete", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface RoleChangeRefusal {
  code: "not_admin" | "last_admin";
  message: string;
}

/**
 * Why a role change must be refused, or null when it may go ahead. The one hard rule: Ironlog never
 * ends up without an admin, so the last admin cannot step down (make someone else admin first).
 * `adminIds` must be read under lock in the same transaction as the change, or two admins demoting
 * each other at once could both pass.
 */
export function roleChangeRefusal(change: {
  actorId: number;
  target: { id: number; role: Role };
  newRole: Role;
  adminIds: readonly number[];
}): RoleChangeRefusal | null {
  // The caller may have lost the role since the request was authorised.
  if (!change.adminIds.includes(change.actorId)) return { code: "not_admin", message: "Only admins can change roles." };
  const demotesAnAdmin = change.target.role === "admin" && change.newRole !== "admin";
  if (demotesAnAdmin && change.adminIds.length <= 1) {
    return {
      code: "last_admin",
      message:
        change.target.id === change.actorId
          ? "You are the last admin. Make another user admin before you give up the role."
          : "Ironlog needs at least one admin.",
    };
  }
  return null;
}
