"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import { signInAction, signUpAction } from "./actions";

const idle: ActionState = { status: "idle" };

export function SignInForm({ redirectTo }: { redirectTo?: string }) {
  const [state, action] = useActionState(signInAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} errors={errors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        New to Ironlog?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Name" name="name" autoComplete="name" required defaultValue={values?.name} errors={errors?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} errors={errors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A short phrase is easy to remember and hard to guess."
        errors={errors?.password}
      />
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
