/**
 * `equipment-single-choice`: converts assessments from the old multi-select equipment answer (a JSON
 * list) to the single choice (a JSON string), and flags athletes who must re-assess. The id names
 * what the data ends up as, so it still reads right next to later equipment migrations.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { assessments, migrationRunItems } from "@/db/schema";
import { EQUIPMENT_CHOICES } from "@/lib/equipment";
import {
  type AssessmentColumns,
  BASIC_WITHOUT_ITEMS_REASON,
  classifyAssessment,
} from "@/lib/migrations/equipment-single-choice/rules";
import { equipmentReport } from "@/lib/migrations/equipment-single-choice/report";
import { describeEquipmentChange } from "@/lib/migrations/equipment-single-choice/change-notice";
import { defineDataMigration } from "./define-migration";
import type { SourceRow } from "./types";
import { guideChecks } from "./equipment-guide-checks";
import { count, countCheck } from "./verification";

export type AssessmentRow = SourceRow & AssessmentColumns;

const { equipment, equipmentItems: items, needsReassessment } = assessments;
// In the new format: one of the three names as a JSON string, items null or a list of strings.
// COALESCE: a SQL NULL equipment is "not valid", not unknown. The JSON path is strict: lax mode would
// unwrap a nested list and find the text inside it.
const VALID_NEW_FORMAT = sql`COALESCE(jsonb_typeof(${equipment}) = 'string'
  AND ${equipment} #>> '{}' IN (${sql.raw(EQUIPMENT_CHOICES.map((c) => `'${c}'`).join(", "))})
  AND (${items} IS NULL OR jsonb_typeof(${items}) = 'null' OR (jsonb_typeof(${items}) = 'array'
       AND NOT jsonb_path_exists(${items}, 'strict $[*] ? (@.type() != "string")', '{}', true))), false)`;
// Would be flagged: basic equipment, no items, not yet asked to re-assess.
const UNFLAGGED_BASIC_WITHOUT_ITEMS = sql`COALESCE(${equipment} = '"basic_equipment"'::jsonb AND NOT ${needsReassessment}
  AND (${items} IS NULL OR ${items} = 'null'::jsonb OR ${items} = '[]'::jsonb), false)`;
export const MAY_NEED_CHANGE = sql`(NOT ${VALID_NEW_FORMAT} OR ${UNFLAGGED_BASIC_WITHOUT_ITEMS})`;

export const equipmentSingleChoice = defineDataMigration<AssessmentRow>({
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
  wording: {
    name: "equipment",
    rowsNoun: "assessments",
    flagged: "Flagged for Re-assessment",
    skipped: "Skipped (Already Valid)",
  },
  table: assessments,
  key: assessments.id,
  owner: assessments.userId,
  updatedAt: assessments.updatedAt,
  columns: {
    equipment,
    equipmentItems: items,
    needsReassessment,
    reassessmentReason: assessments.reassessmentReason,
    flaggedAt: assessments.flaggedAt,
    flaggedByRunId: assessments.flaggedByRunId,
  },
  mayNeedChange: MAY_NEED_CHANGE,
  classify: classifyAssessment,
  runStamp: { when: needsReassessment, runId: assessments.flaggedByRunId, at: assessments.flaggedAt },
  fixable: [equipment, items],
  async extraChecks(tx, { runId, counts }) {
    const [row] = await queryRows<{ withFlag: number }>(
      tx,
      // One primary-key lookup per flagged item, not a join: the planner's statistics were taken
      // before the run (no items, nobody flagged yet), and with them it joins the two as a nested
      // loop over every flagged assessment per item, which grows with the square of the rows.
      sql`SELECT count(*)::int AS "withFlag" FROM ${migrationRunItems} i
          WHERE i.run_id = ${runId} AND i.status = 'flagged'
            AND (SELECT ${needsReassessment} FROM ${assessments} WHERE ${assessments.id} = i.row_id)`,
    );
    const flagged = counts.flagged;
    const have =
      row.withFlag === flagged ? (flagged === 1 ? "it has" : `all ${count(flagged)} have`) : `only ${count(row.withFlag)} have`;
    return [
      countCheck(
        "flagged_users_have_flag",
        "Every flagged assessment has needs_reassessment set",
        flagged,
        row.withFlag,
        flagged === 0
          ? "None flagged, so no needs_reassessment to check"
          : `${count(flagged)} flagged, ${have} needs_reassessment set`,
      ),
      ...(await guideChecks(tx, runId)),
    ];
  },
  report: equipmentReport,
  changeNotice: { describe: describeEquipmentChange, href: "/reassess" },
});
