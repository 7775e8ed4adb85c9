import type { Metadata } from "next";
import { connection } from "next/server";
import { ForgotPasswordForm } from "@/app/(auth)/password-reset-forms";
import { usesDemoOutbox } from "@/server/mail/demo-outbox";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage() {
  // Read at request time, not at build: where mail goes is the running server's environment.
  await connection();
  const keptInDemoOutbox = usesDemoOutbox();
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Reset your password</h1>
      <p className="mb-6 text-sm text-slate-600">
        Enter the email you sign in with.{" "}
        {keptInDemoOutbox
          ? "This demo sends no email: the link to choose a new password is kept in its demo outbox, which an admin opens under Admin → Demo outbox."
          : "We will send it a link to choose a new password."}{" "}
        It works once, within an hour.
      </p>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <ForgotPasswordForm />
      </div>
    </div>
  );
}
