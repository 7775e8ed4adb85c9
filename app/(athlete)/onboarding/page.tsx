import type { Metadata } from "next";
import { AssessmentForm } from "@/components/athlete/assessment-form";
import { Card } from "@/components/ui/card";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { assessmentDefaults } from "@/components/athlete/assessment-defaults";
import { athletePage } from "@/server/athlete-page";
import { saveOnboardingAction } from "./actions";

export const metadata: Metadata = { title: "Your assessment" };

export default async function OnboardingPage() {
  const { user } = await athletePage("/onboarding");
  const assessment = await getAssessmentForUser(user.id);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Let&apos;s build your program</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Four short steps. You can change any answer later from your profile.</p>
      <Card>
        <AssessmentForm
          action={saveOnboardingAction}
          defaults={assessmentDefaults(assessment)}
          stepped
          submitLabel="Build my program"
        />
      </Card>
    </div>
  );
}
