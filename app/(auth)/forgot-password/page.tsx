import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/app/(auth)/password-reset-forms";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Reset your password</h1>
      <p className="mb-6 text-sm text-slate-600">
        Enter the email you sign in with. We will send it a link to choose a new password; it works once, within an hour.
      </p>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <ForgotPasswordForm />
      </div>
    </div>
  );
}
