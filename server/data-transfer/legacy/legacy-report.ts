/** Plain-text report of a legacy import, for the command line. */
import "server-only";
import { formatCounts } from "@/server/data-transfer/report";
import { LEGACY_MODELS } from "@/lib/legacy-import/django-dump";
import type { LegacyImportReport } from "./import-legacy";
import type { LegacyOutcomeKind } from "@/lib/legacy-import/legacy-plan";

export function formatLegacyImportReport(report: LegacyImportReport): string {
  const out: string[] = [`${report.dryRun ? "Dry run of the legacy import of" : "Legacy import of"} ${report.source}`];

  const models = Object.keys(report.models).sort((a, b) => modelRank(a) - modelRank(b) || a.localeCompare(b));
  const width = Math.max(5, ...models.map((m) => m.length));
  out.push(`  ${"model".padEnd(width)}  ${"mapped".padStart(7)}  ${"skipped".padStart(7)}  ${"rejected".padStart(8)}`);
  for (const model of models) {
    const c = report.models[model];
    const note = (LEGACY_MODELS as readonly string[]).includes(model) || model.startsWith("(") ? "" : "  (not used by Ironlog)";
    out.push(
      `  ${model.padEnd(width)}  ${String(c.mapped).padStart(7)}  ${String(c.skipped).padStart(7)}  ${String(c.rejected).padStart(8)}${note}`,
    );
  }

  out.push(report.dryRun ? "Ironlog rows to write:" : "Ironlog rows written:");
  out.push(formatCounts(report.rows));

  const section = (kind: LegacyOutcomeKind, title: string) => {
    const outcomes = report.outcomes.filter((o) => o.outcome === kind);
    if (outcomes.length === 0) return;
    out.push(`${title}: ${outcomes.length}`);
    for (const o of outcomes) out.push(`  ${o.model}${o.pk === null ? "" : ` ${String(o.pk)}`}: ${o.reason}`);
  };
  section("rejected", "rejected");
  section("skipped", "skipped");
  section("mapped", "mapped with notes");
  const { usable, needReset } = report.passwords;
  const verb = report.dryRun ? "would" : "can";
  out.push(
    `New users: ${usable} ${verb} sign in with their old password; ${needReset} have no usable password and need a password reset`,
  );
  if (needReset > 0) {
    out.push(
      '  They reset it with "Forgot password?" on the sign-in page (an emailed link), or an admin gives them a link: Admin → Users → the user → Create reset link.',
    );
  }
  if (!report.dryRun && usable + needReset > 0)
    out.push("  Now sign in as a migrated user to confirm it worked (README: Moving data between environments).");
  out.push(report.message);
  return out.join("\n");
}

function modelRank(model: string): number {
  const rank = (LEGACY_MODELS as readonly string[]).indexOf(model);
  return rank === -1 ? LEGACY_MODELS.length : rank;
}
