"use server";

import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { type ActionState, adminAction } from "@/server/auth/guards";
import { type IntegrityReport, runIntegrityCheck } from "@/server/integrity/run";

/** Runs the data-integrity check on demand (it reads whole tables, so never on a page render). */
export const runIntegrityCheckAction = adminAction(z.object({}), async (): Promise<ActionState<IntegrityReport>> => {
  const report = await runIntegrityCheck(await getDb());
  const problems = report.tables.filter((t) => !t.ok).length;
  return {
    status: "success",
    message: report.ok
      ? "Every table passed."
      : `${problems} table${problems === 1 ? "" : "s"} need${problems === 1 ? "s" : ""} attention.`,
    data: report,
  };
});
