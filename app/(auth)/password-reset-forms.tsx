"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/ui/field";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import { requestPasswordResetAction, resetPasswordAction } from "./password-reset-actions";

const idle: ActionState = { status: "idle" };

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values?.email}
        errors={errors?.email}
      />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Email me a reset link
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {state.status === "error" && errors?.token ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {errors.token[0]}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <NewPasswordField label="New password" errors={errors?.password} />
      <SubmitButton className="w-full" pendingLabel="Setting your password…">
        Set password and sign in
      </SubmitButton>
      {state.status === "success" ? (
        <p className="text-center text-sm">
          <Link href="/sign-in" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            Go to sign-in
          </Link>
        </p>
      ) : null}
    </form>
  );
}
