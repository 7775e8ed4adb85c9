import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { SignUpForm } from "@/app/(auth)/auth-forms";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Create your Ironlog account</h1>
      <p className="mb-6 text-sm text-slate-600">
        Two minutes of questions, then a program built around the equipment you actually have.
      </p>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <SignUpForm />
      </div>
    </div>
  );
}
