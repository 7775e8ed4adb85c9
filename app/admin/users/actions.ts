"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { adminAction } from "@/server/auth/guards";
import { changeUserRole } from "@/server/services/user-roles";
import { ROLES } from "@/lib/auth/roles";
import { idSchema } from "@/lib/ids";
import { issueResetToken } from "@/server/auth/password-reset";
import { publicOrigin } from "@/server/mail/links";
import { resetLinkPath } from "@/lib/mail/messages";

const changeRoleSchema = z.object({
  userId: idSchema,
  role: z.enum(ROLES),
});

export const changeRoleAction = adminAction(changeRoleSchema, async (input, admin) => {
  const result = await changeUserRole(await getDb(), { actorId: admin.id, userId: input.userId, role: input.role });
  // An admin who stepped down can no longer see the admin area.
  if (result.changed && input.userId === admin.id) redirect("/dashboard");
  // "layout": the list and every user's own page.
  revalidatePath("/admin/users", "layout");
  const role = result.role === "admin" ? "an admin" : "an athlete";
  return {
    status: "success",
    message: result.changed ? `${result.email} is now ${role}.` : `${result.email} was already ${role}.`,
  };
});

const resetLinkSchema = z.object({ userId: idSchema });

/**
 * A reset link for a user who cannot use the emailed one (a migrated account, no access to the
 * mailbox): returned once to the admin who asked, recorded with who issued it for whom and when.
 */
export const issueResetLinkAction = adminAction(resetLinkSchema, async (input, admin) => {
  const { token, expiresAt, email } = await issueResetToken(await getDb(), {
    userId: input.userId,
    issuedBy: { id: admin.id, email: admin.email },
  });
  console.log(`[auth] ${admin.email} issued a password reset link for ${email}`);
  revalidatePath(`/admin/users/${input.userId}`);
  return {
    status: "success",
    message: `Reset link for ${email} created.`,
    data: { link: `${publicOrigin(await headers())}${resetLinkPath(token)}`, expiresAt: expiresAt.toISOString(), email },
  };
});
