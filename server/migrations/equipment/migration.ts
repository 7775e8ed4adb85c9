/**
 * `equipment-single-choice`: converts assessments from the old multi-select equipment answer (a JSON
 * list) to the single choice (a JSON string), and flags athletes who must re-assess. The id names
 * what the data ends up as, so it still reads right next to later equipment migrations.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { EQUIPMENT_CHOICES } from "@/lib/equipment";
import { parseJsonColumn } from "@/lib/migrations/json";
import { countScanned, rowLockClause } from "@/server/migrations/keyset";
import { countCheck, itemsRecordedCheck, verificationOf } from "@/server/migrations/verification";
import type { DataMigration, RecordedItem, RowOutcome, SourceRow } from "@/server/migrations/types";
import { BASIC_WITHOUT_ITEMS_REASON, classifyEquipment } from "@/lib/migrations/equipment/rules";
import { jsonParam } from "@/server/migrations/json-param";

export interface AssessmentRow extends SourceRow {
  equipment: unknown;
  equipmentItems: unknown;
  needsReassessment: boolean;
  reassessmentReason: string | null;
  /** ISO 8601 with microseconds, as Postgres renders it in JSON, so undo restores it exactly. */
  flaggedAt: string | null;
  flaggedByRunId: number | null;
}

interface AssessmentRowText extends Record<string, unknown> {
  id: number;
  userId: number;
  equipment: string | null;
  equipmentItems: string | null;
  needsReassessment: boolean;
  reassessmentReason: string | null;
  flaggedAt: string | null;
  flaggedByRunId: number | null;
}

/** Keys present only when the column is not SQL NULL (see RowOutcome.before). */
function originalValues(row: AssessmentRow): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (row.equipment !== undefined) values.equipment = row.equipment;
  if (row.equipmentItems !== undefined) values.equipment_items = row.equipmentItems;
  return values;
}

export function assessmentOutcome(row: AssessmentRow): RowOutcome {
  const outcome = classifyEquipment(row);
  switch (outcome.status) {
    case "skipped":
      return { status: "skipped" };
    case "error":
      return { status: "error", before: originalValues(row), reason: outcome.error };
    case "migrated":
      return {
        status: "migrated",
        before: originalValues(row),
        after: outcome.itemsCleared
          ? { equipment: outcome.newEquipment, equipment_items: [] }
          : { equipment: outcome.newEquipment },
      };
    case "flagged":
      return {
        status: "flagged",
        before: {
          ...originalValues(row),
          needs_reassessment: row.needsReassessment,
          reassessment_reason: row.reassessmentReason,
          flagged_at: row.flaggedAt,
          flagged_by_run_id: row.flaggedByRunId,
        },
        after: {
          ...(outcome.newEquipment ? { equipment: outcome.newEquipment } : {}),
          needs_reassessment: true,
          reassessment_reason: outcome.reason,
        },
        reason: outcome.reason,
      };
  }
}

// A row in the new format: one of the three names as a JSON string, items null or a list of strings.
// COALESCE: a SQL NULL equipment must count as "not valid", not as unknown. The JSON path is strict:
// lax mode would unwrap a nested list and find the text inside it.
const VALID_NEW_FORMAT = sql.raw(`COALESCE(
  jsonb_typeof(a.equipment) = 'string'
  AND a.equipment #>> '{}' IN (${EQUIPMENT_CHOICES.map((c) => `'${c}'`).join(", ")})
  AND (a.equipment_items IS NULL OR jsonb_typeof(a.equipment_items) = 'null'
       OR (jsonb_typeof(a.equipment_items) = 'array'
           AND NOT jsonb_path_exists(a.equipment_items, 'strict $[*] ? (@.type() != "string")', '{}', true))),
  false)`);

// Rows a run would flag: basic equipment, no items, not yet asked to re-assess.
const UNFLAGGED_BASIC_WITHOUT_ITEMS = sql.raw(`COALESCE(
  a.equipment = '"basic_equipment"'::jsonb AND NOT a.needs_reassessment
  AND (a.equipment_items IS NULL OR a.equipment_items = 'null'::jsonb OR a.equipment_items = '[]'::jsonb),
  false)`);

/** The SQL twin of "classifyEquipment would not skip this row" (held to it by migration.test.ts). */
export const MAY_NEED_CHANGE = sql`(NOT ${VALID_NEW_FORMAT} OR ${UNFLAGGED_BASIC_WITHOUT_ITEMS})`;

function jsonValue(value: unknown): unknown {
  return value === undefined ? null : value;
}

export const equipmentSingleChoice: DataMigration<AssessmentRow> = {
  id: "equipment-single-choice",
  title: "Equipment: one choice per assessment",
  description:
    "Converts the old multi-select equipment answer (a list) to the single choice the onboarding " +
    "question now asks for, keeping the highest choice (full gym > basic equipment > no equipment), " +
    "and flags athletes with basic equipment but no items to re-assess.",
  rules: [
    "A list becomes its highest choice: full_gym > basic_equipment > no_equipment (duplicates and one-element lists included). Names match exactly.",
    "full_gym or no_equipment from a list: migrated, and equipment_items becomes [].",
    "basic_equipment from a list keeps its items: migrated with items, flagged without (the value is still converted).",
    `A basic_equipment answer with no items (null or []) is flagged: needs_reassessment is set with the reason "${BASIC_WITHOUT_ITEMS_REASON}". Already flagged: skipped.`,
    "Any other valid single choice is skipped and nothing in the row changes.",
    "Errors, left untouched: an unknown name, an empty list, a list with anything but the three names, equipment that is null, a number, an object or a boolean, and equipment_items that is neither null nor a list of text.",
    "Only equipment, equipment_items and the re-assessment flag change; sport, age, experience and every other column are never touched.",
  ],
  wording: { name: "equipment", rowsNoun: "assessments" },

  async readBatch(tx, range) {
    const { afterId, upToId, limit } = range;
    // Rows already in the new format (most of them) are counted, not shipped, locked and classified.
    const rows = await queryRows<AssessmentRowText>(
      tx,
      sql`SELECT a.id, a.user_id AS "userId", a.equipment::text AS equipment, a.equipment_items::text AS "equipmentItems",
                 a.needs_reassessment AS "needsReassessment", a.reassessment_reason AS "reassessmentReason",
                 to_json(a.flagged_at) #>> '{}' AS "flaggedAt", a.flagged_by_run_id AS "flaggedByRunId"
          FROM assessments a
          WHERE a.id > ${afterId} AND a.id <= ${upToId} AND ${MAY_NEED_CHANGE}
          ORDER BY a.id
          LIMIT ${limit}
          ${rowLockClause(range)}`,
    );
    const parsed = rows.map((r) => ({
      ...r,
      equipment: parseJsonColumn(r.equipment),
      equipmentItems: parseJsonColumn(r.equipmentItems),
    }));
    return countScanned(tx, "assessments", range, parsed);
  },

  classify: assessmentOutcome,

  async writeBatch(tx, changes, { runId }) {
    const payload = changes.map(({ row, outcome }) => {
      const after = outcome.after ?? {};
      return {
        id: row.id,
        equipment: after.equipment,
        clear_items: "equipment_items" in after,
        flag_reason: outcome.status === "flagged" ? outcome.reason : undefined,
      };
    });
    // now() is the transaction's start: one flag time for the whole run.
    await tx.execute(sql`
      UPDATE assessments AS a SET
        equipment = COALESCE(c.equipment, a.equipment),
        equipment_items = CASE WHEN c.clear_items THEN '[]'::jsonb ELSE a.equipment_items END,
        needs_reassessment = a.needs_reassessment OR c.flag_reason IS NOT NULL,
        reassessment_reason = COALESCE(c.flag_reason, a.reassessment_reason),
        flagged_at = CASE WHEN c.flag_reason IS NULL THEN a.flagged_at ELSE now() END,
        flagged_by_run_id = CASE WHEN c.flag_reason IS NULL THEN a.flagged_by_run_id ELSE ${runId}::int END,
        updated_at = now()
      FROM jsonb_to_recordset(${jsonParam(payload)}) AS c(id int, equipment jsonb, clear_items boolean, flag_reason text)
      WHERE a.id = c.id`);
  },

  async undoBatch(tx, items, { undoneRunId }) {
    const payload = items.map((item) => ({ row_id: item.rowId, before: item.before ?? {}, after: item.after ?? {} }));
    // Restore only the columns the run changed (the keys of `after`), and only where the row still
    // holds what the run wrote; a missing `before` key is SQL NULL, which `->` returns for it.
    const restored = await queryRows<{ id: number }>(
      tx,
      sql`
      UPDATE assessments AS a SET
        equipment = CASE WHEN i.after ? 'equipment' THEN i.before -> 'equipment' ELSE a.equipment END,
        equipment_items = CASE WHEN i.after ? 'equipment_items' THEN i.before -> 'equipment_items' ELSE a.equipment_items END,
        needs_reassessment = CASE WHEN i.after ? 'needs_reassessment'
          THEN COALESCE((i.before ->> 'needs_reassessment')::boolean, false) ELSE a.needs_reassessment END,
        reassessment_reason = CASE WHEN i.after ? 'needs_reassessment'
          THEN i.before ->> 'reassessment_reason' ELSE a.reassessment_reason END,
        flagged_at = CASE WHEN i.after ? 'needs_reassessment'
          THEN (i.before ->> 'flagged_at')::timestamptz ELSE a.flagged_at END,
        flagged_by_run_id = CASE WHEN i.after ? 'needs_reassessment'
          THEN (i.before ->> 'flagged_by_run_id')::int ELSE a.flagged_by_run_id END,
        updated_at = now()
      FROM jsonb_to_recordset(${jsonParam(payload)}) AS i(row_id int, before jsonb, after jsonb)
      WHERE a.id = i.row_id
        AND (NOT i.after ? 'equipment' OR a.equipment IS NOT DISTINCT FROM i.after -> 'equipment')
        AND (NOT i.after ? 'equipment_items' OR a.equipment_items IS NOT DISTINCT FROM i.after -> 'equipment_items')
        AND (NOT i.after ? 'needs_reassessment' OR (
          a.needs_reassessment
          AND a.flagged_by_run_id IS NOT DISTINCT FROM ${undoneRunId}::int
          AND a.reassessment_reason IS NOT DISTINCT FROM i.after ->> 'reassessment_reason'))
      RETURNING a.id`,
    );
    return new Set(restored.map((r) => r.id));
  },

  async pendingCount(db) {
    const [row] = await queryRows<{ pending: number }>(
      db,
      sql`SELECT count(*)::int AS pending FROM assessments a WHERE ${MAY_NEED_CHANGE}`,
    );
    return row.pending;
  },

  async fingerprint(db) {
    const [row] = await queryRows<{ rows: number; maxId: number | null; maxUpdatedAt: string | null }>(
      db,
      sql`SELECT count(*)::int AS rows, max(id) AS "maxId", to_json(max(updated_at)) #>> '{}' AS "maxUpdatedAt"
          FROM assessments`,
    );
    return { rows: row.rows, maxId: row.maxId, maxUpdatedAt: row.maxUpdatedAt };
  },

  async verify(tx, { runId, upToId, totalAtStart, counts }) {
    const [row] = await queryRows<{ legacyLeft: number; rowsNow: number; flaggedWithoutFlag: number }>(
      tx,
      sql`SELECT
            (SELECT count(*)::int FROM assessments a
              WHERE a.id <= ${upToId} AND NOT ${VALID_NEW_FORMAT}
                AND NOT EXISTS (SELECT 1 FROM migration_run_items i
                                WHERE i.run_id = ${runId} AND i.row_id = a.id AND i.status = 'error')) AS "legacyLeft",
            (SELECT count(*)::int FROM assessments WHERE id <= ${upToId}) AS "rowsNow",
            (SELECT count(*)::int FROM migration_run_items i JOIN assessments a ON a.id = i.row_id
              WHERE i.run_id = ${runId} AND i.status = 'flagged' AND NOT a.needs_reassessment) AS "flaggedWithoutFlag"`,
    );
    const checks = [
      countCheck("no_legacy_rows_left", "No assessment is left outside the new format, except the rows reported as errors", 0, row.legacyLeft),
      countCheck("row_count_unchanged", "The run added or removed no assessments", totalAtStart, row.rowsNow),
      countCheck("flagged_users_have_flag", "Every flagged assessment has needs_reassessment set", 0, row.flaggedWithoutFlag),
      await itemsRecordedCheck(tx, runId, counts),
    ];
    return verificationOf(checks);
  },

  report: {
    columns: [
      "user_id",
      "user_email",
      "status",
      "original_equipment",
      "new_equipment",
      "items_cleared",
      "original_items",
      "reason",
      "error",
    ],
    detail(item: RecordedItem) {
      const before = item.before ?? {};
      const after = item.after ?? {};
      const entry: Record<string, unknown> = { user_id: item.userId, user_email: item.userEmail, status: item.status };
      if (item.status === "migrated") {
        entry.original_equipment = jsonValue(before.equipment);
        entry.new_equipment = after.equipment;
        entry.items_cleared = after.equipment !== "basic_equipment";
      } else if (item.status === "flagged") {
        entry.reason = item.reason;
        entry.original_equipment = jsonValue(before.equipment);
        entry.original_items = jsonValue(before.equipment_items);
        if ("equipment" in after) entry.new_equipment = after.equipment;
      } else if (item.status === "error") {
        entry.original_equipment = jsonValue(before.equipment);
        entry.original_items = jsonValue(before.equipment_items);
        entry.error = item.reason;
      }
      return entry;
    },
  },
};
