import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { getDb } from "@/server/db";
import { offlineKitStamp } from "@/server/queries/plan-days";
import { ReassessmentPrompt } from "@/components/layout/reassessment-prompt";
import { USER_MARKER } from "@/lib/offline/cache-rules";
import { Background } from "./_components/background";

/**
 * Every athlete page needs a signed-in user, and shows the re-assessment prompt while flagged. Each
 * names its athlete (USER_MARKER) for the service worker, which keeps a page for that athlete only.
 */
export default async function AthleteLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [assessment, kitStamp] = await Promise.all([
    getAssessmentForUser(user.id),
    getDb().then((db) => offlineKitStamp(db, user.id)),
  ]);
  return (
    <>
      <meta name={USER_MARKER} content={String(user.id)} />
      <Background userId={user.id} kitStamp={kitStamp} enabled={env().NODE_ENV === "production"} />
      {assessment?.needsReassessment ? <ReassessmentPrompt /> : null}
      {children}
    </>
  );
}
