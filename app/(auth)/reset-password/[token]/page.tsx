import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/server/db";
import { inspectResetToken } from "@/server/auth/password-reset";
import { resetLinkRefusal } from "@/lib/auth/password-reset";
import { resetTokenField } from "@/lib/auth/schemas";
import { buttonClasses } from "@/components/ui/button";
import { ResetPasswordForm } from "@/app/(auth)/password-reset-forms";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** A reset link: says at once when it no longer works (and why), else asks for the new password. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { state, email } = resetTokenField.safeParse(token).success
    ? await inspectResetToken(await getDb(), token)
    : { state: "unknown" as const, email: undefined };
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Choose a new password</h1>
      {state === "valid" ? (
        <>
          <p className="mb-6 text-sm text-slate-600">
            For <span className="font-medium text-slate-900">{email}</span>. Setting it signs you out on your other devices and
            signs you in here.
          </p>
          <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <ResetPasswordForm token={token} />
          </div>
        </>
      ) : (
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <p role="alert" className="mb-4 text-sm text-red-800">
            {resetLinkRefusal(state)}
          </p>
          <Link href="/forgot-password" className={buttonClasses("primary")}>
            Request a new link
          </Link>
        </div>
      )}
    </div>
  );
}
