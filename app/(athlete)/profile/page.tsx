import type { Metadata } from "next";
import { AssessmentForm } from "@/components/athlete/assessment-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { assessmentDefaults } from "@/components/athlete/assessment-defaults";
import { athletePage } from "@/server/athlete-page";
import { saveProfileAssessmentAction } from "@/app/(athlete)/onboarding/actions";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const { user } = await athletePage("/profile");
  const assessment = await getAssessmentForUser(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Profile" description={user.email} />
      <Card title="You">
        <ProfileForm name={user.name ?? ""} weightUnit={user.weightUnit} />
      </Card>
      <Card title="Your assessment">
        <p className="mb-4 text-sm text-slate-600">Saving rebuilds your generated program. Your own splits and history are untouched.</p>
        <AssessmentForm action={saveProfileAssessmentAction} defaults={assessmentDefaults(assessment)} stepped={false} submitLabel="Save and rebuild my program" />
      </Card>
    </div>
  );
}
