/**
 * The equipment migration's rules, as pure functions. The old onboarding question let athletes tick
 * several equipment options (a JSON array); the new one allows exactly one (a JSON string). The
 * hierarchy is full_gym > basic_equipment > no_equipment, so a list becomes its highest choice.
 * Names match exactly: no trimming, no case folding.
 */
import { EQUIPMENT_CHOICES, EQUIPMENT_RANK, type EquipmentChoice, isEquipmentChoice } from "@/lib/equipment";
import { describeJson, quoted } from "@/lib/migrations/json";
import type { RowOutcome } from "@/lib/migrations/outcome";

export const BASIC_WITHOUT_ITEMS_REASON = "Basic equipment without specific items - user needs to re-assess";

/** The columns the rules read. `undefined` stands for SQL NULL and is treated like JSON null. */
export interface EquipmentAnswer {
  equipment: unknown;
  equipmentItems: unknown;
  /** Already asked to re-assess (by an earlier run or an admin). */
  needsReassessment: boolean;
}

export type EquipmentOutcome =
  | { status: "skipped" }
  | { status: "migrated"; newEquipment: EquipmentChoice; itemsCleared: boolean }
  /** `newEquipment` is present when the value was converted from a list. */
  | { status: "flagged"; reason: string; newEquipment?: EquipmentChoice }
  | { status: "error"; error: string };

const CHOICES = EQUIPMENT_CHOICES.join(", ");

/** The highest choice in a list, by the hierarchy. The list must be non-empty and all valid. */
export function highestEquipmentChoice(choices: readonly EquipmentChoice[]): EquipmentChoice {
  return choices.reduce((best, choice) => (EQUIPMENT_RANK[choice] > EQUIPMENT_RANK[best] ? choice : best));
}

function hasNoItems(items: unknown): boolean {
  return items === undefined || items === null || (Array.isArray(items) && items.length === 0);
}

/** Rule 4: items are null or a list of strings; anything else is bad data. */
function itemsError(items: unknown): string | null {
  if (items === undefined || items === null) return null;
  if (!Array.isArray(items)) {
    return `equipment_items is ${describeJson(items)}, expected a list of item names or null`;
  }
  const badIndex = items.findIndex((item) => typeof item !== "string");
  if (badIndex >= 0) {
    return `equipment_items contains ${describeJson(items[badIndex])}, expected only item names (text)`;
  }
  return null;
}

/** Rules 1-3: what is wrong with the equipment value, or null when it is a valid string or list. */
function equipmentError(equipment: unknown): string | null {
  if (typeof equipment === "string") {
    return isEquipmentChoice(equipment) ? null : `equipment ${quoted(equipment)} is not one of ${CHOICES}`;
  }
  if (Array.isArray(equipment)) {
    if (equipment.length === 0) return "equipment is an empty list";
    const badIndex = equipment.findIndex((entry) => !isEquipmentChoice(entry));
    if (badIndex >= 0) {
      return `equipment list contains ${quoted(equipment[badIndex])}, which is not one of ${CHOICES}`;
    }
    return null;
  }
  return `equipment is ${describeJson(equipment)}, expected one of ${CHOICES} (or a list of them)`;
}

/**
 * Classify one assessment's equipment answer. Total: returns an outcome for any JSON value.
 *
 * A basic_equipment string without items is flagged so the athlete re-assesses; when the flag is
 * already set there is nothing to change and the row is skipped, which keeps a second run a no-op.
 */
export function classifyEquipment(answer: EquipmentAnswer): EquipmentOutcome {
  const { equipment, equipmentItems } = answer;
  const problem = equipmentError(equipment) ?? itemsError(equipmentItems);
  if (problem) return { status: "error", error: problem };

  if (typeof equipment === "string") {
    if (equipment === "basic_equipment" && hasNoItems(equipmentItems) && !answer.needsReassessment) {
      return { status: "flagged", reason: BASIC_WITHOUT_ITEMS_REASON };
    }
    return { status: "skipped" };
  }

  // A valid legacy list (equipmentError checked every entry).
  const highest = highestEquipmentChoice(equipment as EquipmentChoice[]);
  if (highest === "basic_equipment") {
    return hasNoItems(equipmentItems)
      ? { status: "flagged", reason: BASIC_WITHOUT_ITEMS_REASON, newEquipment: highest }
      : { status: "migrated", newEquipment: highest, itemsCleared: false };
  }
  return { status: "migrated", newEquipment: highest, itemsCleared: true };
}

/** The row after the outcome is written: the model the idempotency property checks against. */
export function applyEquipmentOutcome(answer: EquipmentAnswer, outcome: EquipmentOutcome): EquipmentAnswer {
  switch (outcome.status) {
    case "skipped":
    case "error":
      return answer;
    case "migrated":
      return {
        ...answer,
        equipment: outcome.newEquipment,
        equipmentItems: outcome.itemsCleared ? [] : answer.equipmentItems,
      };
    case "flagged":
      return {
        ...answer,
        equipment: outcome.newEquipment ?? answer.equipment,
        needsReassessment: true,
      };
  }
}

/** The assessment columns the migration reads (jsonb as parsed JSON; `undefined` is SQL NULL). */
export interface AssessmentColumns extends EquipmentAnswer {
  reassessmentReason: string | null;
  /** ISO 8601 with microseconds, as Postgres renders it in JSON, so undo restores it exactly. */
  flaggedAt: string | null;
  flaggedByRunId: number | null;
}

/** Keys present only when the column is not SQL NULL (see RowOutcome.before). */
function originalValues(row: AssessmentColumns): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (row.equipment !== undefined) values.equipment = row.equipment;
  if (row.equipmentItems !== undefined) values.equipment_items = row.equipmentItems;
  return values;
}

/** The migration's classifier: the equipment verdict as the columns it changes, before and after. */
export function classifyAssessment(row: AssessmentColumns): RowOutcome {
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
