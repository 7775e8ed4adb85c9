import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { ReassessmentPrompt } from "@/components/layout/reassessment-prompt";
import { TimeZoneCookie } from "@/components/athlete/time-zone-cookie";

/** Every athlete page needs a signed-in user, and shows the re-assessment prompt while flagged. */
export default async function AthleteLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const assessment = await getAssessmentForUser(user.id);
  return (
    <>
      <TimeZoneCookie />
      {assessment?.needsReassessment ? <ReassessmentPrompt /> : null}
      {children}
    </>
  );
}
