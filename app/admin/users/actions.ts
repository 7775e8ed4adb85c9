"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { adminAction } from "@/server/auth/guards";
import { changeUserRole } from "@/server/services/user-roles";
import { ROLES } from "@/lib/auth/roles";
import { idSchema } from "@/lib/ids";

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
  return { status: "success", message: result.changed ? `${result.email} is now ${role}.` : `${result.email} was already ${role}.` };
});
