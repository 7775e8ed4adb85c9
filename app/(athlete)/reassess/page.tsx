import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { REASSESS_PAGE_ID } from "@/components/layout/reassessment-prompt";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { equipmentPrefill } from "@/lib/athlete/assessment";
import { athletePage } from "@/server/athlete-page";
import { ReassessForm } from "./reassess-form";

export const metadata: Metadata = { title: "Update your equipment" };

export default async function ReassessPage() {
  const { user } = await athletePage("/reassess");
  const assessment = await getAssessmentForUser(user.id);
  if (!assessment) redirect("/onboarding");
  // Legacy answers may be an array of choices: start from the highest valid one, keep the known items.
  const prefill = equipmentPrefill(assessment.equipment, assessment.equipmentItems);
  return (
    <div id={REASSESS_PAGE_ID} className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Update your equipment</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        We now plan from one equipment choice and, for home equipment, the exact items you own. Check what we have and save: your
        program is rebuilt straight away.
      </p>
      <Card>
        <ReassessForm equipment={prefill.equipment} items={prefill.items} />
      </Card>
    </div>
  );
}
