"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { after } from "next/server";
import { getDb } from "@/server/db";
import { signIn } from "@/server/auth/config";
import { publicAction } from "@/server/auth/guards";
import { requestClientAddress } from "@/server/auth/client-address";
import { answerResetRequest, resetPassword } from "@/server/auth/password-reset";
import { appThrottles } from "@/server/auth/throttle";
import { appMailer } from "@/server/mail/mailer";
import { publicOrigin } from "@/server/mail/links";
import { passwordResetRequestSchema, resetPasswordSchema } from "@/lib/auth/schemas";

/** "Forgot password?": the same answer for every email; the mail (if any) goes out after the answer. */
export const requestPasswordResetAction = publicAction(passwordResetRequestSchema, async (input) => {
  const requestHeaders = await headers();
  const { message } = await answerResetRequest(
    { db: await getDb(), throttles: await appThrottles(), mailer: appMailer(), inBackground: (task) => after(task) },
    { email: input.email, address: requestClientAddress(requestHeaders), origin: publicOrigin(requestHeaders) },
  );
  return { status: "success", message };
});

/** A reset link used: new password, every other session ended, and signed in here. */
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input) => {
  const requestHeaders = await headers();
  const { user } = await resetPassword(await getDb(), await appThrottles(), {
    token: input.token,
    password: input.password,
    address: requestClientAddress(requestHeaders),
  });
  try {
    await signIn("credentials", {
      email: user.email,
      password: input.password,
      redirectTo: user.role === "admin" ? "/admin" : "/dashboard",
    });
  } catch (error) {
    // Only the per-address sign-in throttle can refuse now: the password is set, the user signs in later.
    if (error instanceof AuthError)
      return {
        status: "success",
        message: "Your new password is set. Sign in with it in a little while: this address made too many attempts.",
      };
    throw error;
  }
});
