/** Building blocks for the post-apply checks each migration runs inside its transaction. */
import "server-only";
import { sql } from "drizzle-orm";
import { type Tx, queryRows } from "@/db/client";
import type { RowCounts, Verification, VerificationCheck } from "./types";

export function countCheck(name: string, description: string, expected: number, actual: number): VerificationCheck {
  return { name, description, ok: expected === actual, expected, actual };
}

/** Every non-skipped row has its item: the report will list exactly the rows the counts say. */
export async function itemsRecordedCheck(tx: Tx, runId: number, counts: RowCounts): Promise<VerificationCheck> {
  const [row] = await queryRows<{ items: number }>(
    tx,
    sql`SELECT count(*)::int AS items FROM migration_run_items WHERE run_id = ${runId}`,
  );
  return countCheck(
    "items_recorded",
    "One report item per migrated, flagged or error row",
    counts.migrated + counts.flagged + counts.errors,
    row.items,
  );
}

export function verificationOf(checks: VerificationCheck[]): Verification {
  return { ok: checks.every((c) => c.ok), checkedAt: new Date().toISOString(), checks };
}
