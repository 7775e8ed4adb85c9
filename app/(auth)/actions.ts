"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/server/db";
import { createAccount, roleOfEmail } from "@/server/auth/accounts";
import { signIn, signOut } from "@/server/auth/config";
import { publicAction } from "@/server/auth/guards";
import { requestClientAddress } from "@/server/auth/client-address";
import { appThrottles } from "@/server/auth/throttle";
import { safeRedirectPath, signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { retryMessage } from "@/lib/auth/retry-message";
import { SIGN_IN_REFUSED_MESSAGE } from "@/lib/auth/password-reset";
import { UserFacingError } from "@/lib/errors";

export const signUpAction = publicAction(signUpSchema, async (input) => {
  // Every sign-up from an address counts, successful or not: account creation is not free to spam.
  const allowed = await (await appThrottles()).signUp.count(requestClientAddress(await headers()));
  if (!allowed.allowed) throw new UserFacingError(retryMessage(allowed.retryAfterSeconds), { status: 429 });
  const created = await createAccount(await getDb(), input);
  if (!created) {
    throw new UserFacingError("An account with this email already exists. Sign in instead.", { field: "email" });
  }
  // New athletes start with the onboarding assessment.
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/onboarding" });
});

export const signInAction = publicAction(signInSchema, async (input) => {
  try {
    const role = await roleOfEmail(await getDb(), input.email);
    const fallback = role === "admin" ? "/admin" : "/dashboard";
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeRedirectPath(input.redirectTo, fallback),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      // Throttled (now, or by this failure): say how long to wait, the same words as the 429 answer.
      const state = await (
        await appThrottles()
      ).signIn.check({ email: input.email, address: requestClientAddress(await headers()) });
      if (!state.allowed)
        return { status: "error", message: retryMessage(state.retryAfterSeconds), values: { email: input.email } };
      // One generic message: never say whether the email or the password was wrong.
      return { status: "error", message: SIGN_IN_REFUSED_MESSAGE, values: { email: input.email } };
    }
    throw error;
  }
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
