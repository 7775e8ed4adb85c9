/** Plain-text reports for the command-line scripts (and anything else that shows them to people). */
import "server-only";
import type { ExportSummary } from "./export";
import type { ImportReport } from "./import";
import type { StagingSignIn } from "./staging-admin";
import type { DumpTableName } from "./tables";
import type { Rejection } from "./validate-dump";

export function formatCounts(counts: Partial<Record<string, number>>, heading = "rows"): string {
  const names = Object.keys(counts);
  const width = Math.max(5, ...names.map((n) => n.length));
  const lines = [`  ${"table".padEnd(width)}  ${heading.padStart(8)}`];
  for (const name of names) lines.push(`  ${name.padEnd(width)}  ${String(counts[name] ?? 0).padStart(8)}`);
  return lines.join("\n");
}

export function formatRejection(rejection: Rejection, source: string): string {
  const where = [rejection.table, rejection.field].filter(Boolean).join(".");
  return `  ${source}:${rejection.line}${where ? ` ${where}` : ""}: ${rejection.message}`;
}

export function formatImportReport(report: ImportReport): string {
  const out: string[] = [];
  const h = report.header;
  out.push(
    `${report.dryRun ? "Dry run of the import of" : "Import of"} ${report.source}` +
      (h
        ? ` (taken ${h.created_at} by Ironlog ${h.app_version}, schema ${h.schema_migration ?? "none"}, secrets ${h.secrets}${h.anonymized ? ", anonymized" : ""})`
        : ""),
  );
  if (report.schemaMigrationsApplied > 0) {
    out.push(`Schema migrations ${report.dryRun ? "to apply first" : "applied first"}: ${report.schemaMigrationsApplied}`);
  }
  out.push(formatCounts(report.counts as Record<DumpTableName, number>, "records"));
  if (report.rejectedCount > 0) {
    out.push(`rejected: ${report.rejectedCount}`);
    for (const rejection of report.rejections) out.push(formatRejection(rejection, report.source));
    const unlisted = report.rejectedCount - report.rejections.length;
    if (unlisted > 0) out.push(`  ... and ${unlisted} more`);
  }
  out.push(report.message);
  return out.join("\n");
}

export function formatExportSummary(summary: ExportSummary, destination: string): string {
  const total = Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
  return [
    `Exported ${total} row(s) to ${destination} (schema ${summary.header.schema_migration ?? "none"}, ` +
      `${summary.header.anonymized ? "anonymized" : `secrets ${summary.header.secrets}`})`,
    formatCounts(summary.counts),
  ].join("\n");
}

/** What the operator of a staging copy needs to sign in: who, and the link (shown once). */
export function formatStagingSignIn(signIn: StagingSignIn, origin: string): string {
  return [
    `Staging admin: ${signIn.email}${signIn.promoted ? " (made an admin for staging)" : ""}.`,
    `Set its password at this one-time link before ${signIn.expiresAt.toISOString()}:`,
    `  ${origin}${signIn.path}`,
  ].join("\n");
}
