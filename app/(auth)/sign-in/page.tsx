import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { SignInForm } from "@/app/(auth)/auth-forms";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ redirectTo?: string }> }) {
  if (await currentUser()) redirect("/dashboard");
  const { redirectTo } = await searchParams;
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Sign in to Ironlog</h1>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <SignInForm redirectTo={typeof redirectTo === "string" ? redirectTo : undefined} />
      </div>
    </div>
  );
}
