/** Building blocks for the post-apply checks each migration runs inside its transaction. */
import "server-only";
import { sql } from "drizzle-orm";
import { type Tx, queryRows } from "@/db/client";
import type { RowCounts, Verification, VerificationCheck } from "./types";

/** A check that two counts agree; `summary` says the outcome in plain words, numbers included. */
export function countCheck(
  name: string,
  description: string,
  expected: number,
  actual: number,
  summary?: string,
): VerificationCheck {
  return { name, description, ok: expected === actual, expected, actual, ...(summary ? { summary } : {}) };
}

/** "1,234": counts in check wording read like the rest of the dashboard. */
export const count = (n: number) => n.toLocaleString("en");

/** "1 assessment" / "3 assessments", for nouns made plural with an s. */
export function counted(n: number, plural: string): string {
  return `${count(n)} ${n === 1 ? plural.replace(/s$/, "") : plural}`;
}

/** Every non-skipped row has its item: the report will list exactly the rows the counts say. */
export async function itemsRecordedCheck(tx: Tx, runId: number, counts: RowCounts): Promise<VerificationCheck> {
  const [row] = await queryRows<{ items: number }>(
    tx,
    sql`SELECT count(*)::int AS items FROM migration_run_items WHERE run_id = ${runId}`,
  );
  const expected = counts.migrated + counts.flagged + counts.errors;
  return countCheck(
    "items_recorded",
    "One report item per migrated, flagged or error row",
    expected,
    row.items,
    `${count(expected)} rows migrated, flagged or in error, ${row.items === expected ? "each" : `but ${count(row.items)}`} with a report item`,
  );
}

export function verificationOf(checks: VerificationCheck[]): Verification {
  return { ok: checks.every((c) => c.ok), checkedAt: new Date().toISOString(), checks };
}

/** A check's outcome in words; older runs' checks have no summary and read as expected/found. */
export function checkSummary(check: VerificationCheck): string {
  return check.summary ?? `${check.description}: expected ${count(check.expected)}, found ${count(check.actual)}`;
}
