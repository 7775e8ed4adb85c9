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

/** The assessment columns the migration reads (jsonb as parsed JSON; `undefined` is SQL NULL). */
export interface AssessmentColumns {
  equipment: unknown;
  equipmentItems: unknown;
  /** Already asked to re-assess (by an earlier run or an admin). */
  needsReassessment: boolean;
  reassessmentReason: string | null;
  /** ISO 8601 with microseconds, as Postgres renders it in JSON, so undo restores it exactly. */
  flaggedAt: string | null;
  flaggedByRunId: number | null;
}

export type AssessmentOutcome = RowOutcome<AssessmentColumns>;

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
 * Classify one assessment. Total: returns an outcome for any JSON value.
 *
 * A basic_equipment answer without items is flagged so the athlete re-assesses; when the flag is
 * already set there is nothing to change and the row is skipped, which keeps a second run a no-op.
 * A flag records the flag columns as they were, so undo can put them back.
 */
export function classifyAssessment(row: AssessmentColumns): AssessmentOutcome {
  const { equipment, equipmentItems } = row;
  const original = { equipment, equipmentItems };
  const problem = equipmentError(equipment) ?? itemsError(equipmentItems);
  if (problem) return { status: "error", before: original, reason: problem };
  const flag = (newEquipment?: EquipmentChoice): AssessmentOutcome => ({
    status: "flagged",
    before: {
      ...original,
      needsReassessment: row.needsReassessment,
      reassessmentReason: row.reassessmentReason,
      flaggedAt: row.flaggedAt,
      flaggedByRunId: row.flaggedByRunId,
    },
    after: {
      ...(newEquipment ? { equipment: newEquipment } : {}),
      needsReassessment: true,
      reassessmentReason: BASIC_WITHOUT_ITEMS_REASON,
    },
    reason: BASIC_WITHOUT_ITEMS_REASON,
  });
  if (typeof equipment === "string") {
    return equipment === "basic_equipment" && hasNoItems(equipmentItems) && !row.needsReassessment
      ? flag()
      : { status: "skipped" };
  }
  // A valid legacy list (equipmentError checked every entry).
  const highest = highestEquipmentChoice(equipment as EquipmentChoice[]);
  if (highest !== "basic_equipment") {
    return { status: "migrated", before: original, after: { equipment: highest, equipmentItems: [] } };
  }
  // A list's basic_equipment is converted even when the athlete is already flagged: the value must change.
  return hasNoItems(equipmentItems) ? flag(highest) : { status: "migrated", before: original, after: { equipment: highest } };
}
