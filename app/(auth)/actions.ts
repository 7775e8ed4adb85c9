"use server";

import { AuthError } from "next-auth";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { users } from "@/db/schema";
import { signIn, signOut } from "@/server/auth/config";
import { publicAction } from "@/server/auth/guards";
import { hashPassword } from "@/server/auth/passwords";
import { safeRedirectPath, signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { UserFacingError } from "@/lib/errors";

export const signUpAction = publicAction(signUpSchema, async (input) => {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const created = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (created.length === 0) {
    throw new UserFacingError("An account with this email already exists. Sign in instead.", { field: "email" });
  }
  // New athletes start with the onboarding assessment.
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/onboarding" });
});

export const signInAction = publicAction(signInSchema, async (input) => {
  try {
    const [user] = await (await getDb()).select({ role: users.role }).from(users).where(eq(users.email, input.email)).limit(1);
    const fallback = user?.role === "admin" ? "/admin" : "/dashboard";
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeRedirectPath(input.redirectTo, fallback),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      // One generic message: never say whether the email or the password was wrong.
      return { status: "error", message: "Email or password is incorrect." };
    }
    throw error;
  }
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
