import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getAssessmentForUser } from "@/db/queries/assessments";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Today" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const assessment = await getAssessmentForUser(user.id);
  return (
    <div>
      <PageHeader title={`Hi ${user.name ?? "there"}`} description="Your training at a glance." />
      {!assessment ? (
        <EmptyState
          title="Start with a two-minute assessment"
          action={<ButtonLink href="/onboarding">Take the assessment</ButtonLink>}
        >
          Tell us your sport, goal, schedule and equipment, and Ironlog builds a program that fits.
        </EmptyState>
      ) : (
        <EmptyState title="Ready to train" action={<ButtonLink href="/log">Log a session</ButtonLink>}>
          Your program is waiting under Program. Log today&apos;s session to start your history.
        </EmptyState>
      )}
    </div>
  );
}
