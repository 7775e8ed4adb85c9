/**
 * What the equipment migration did to one athlete's own answer, in their words, for the notice on
 * their dashboard: "Your equipment answer was a list (no equipment, full gym); it is now Full gym."
 * It reads a recorded item's before/after (SQL column names, as runs record them).
 */
import { EQUIPMENT_CHOICE_LABELS, EQUIPMENT_ITEM_LABELS, isEquipmentChoice, isEquipmentItem } from "@/lib/equipment";

const choiceLabel = (value: unknown): string =>
  isEquipmentChoice(value) ? EQUIPMENT_CHOICE_LABELS[value] : JSON.stringify(value);

function answerWas(value: unknown): string {
  if (Array.isArray(value)) return `a list (${value.map((v) => choiceLabel(v).toLowerCase()).join(", ")})`;
  return choiceLabel(value);
}

export function describeEquipmentChange(before: Record<string, unknown>, after: Record<string, unknown>): string | null {
  const sentences: string[] = [];
  if ("equipment" in after) {
    sentences.push(`Your equipment answer was ${answerWas(before.equipment)}; it is now ${choiceLabel(after.equipment)}.`);
    const items = before.equipment_items;
    const cleared = Array.isArray(after.equipment_items) && after.equipment_items.length === 0;
    if (cleared && Array.isArray(items) && items.length > 0) {
      const names = items.map((item) => (isEquipmentItem(item) ? EQUIPMENT_ITEM_LABELS[item] : String(item)));
      sentences.push(
        `The items you listed (${names.join(", ")}) were cleared: a ${choiceLabel(after.equipment).toLowerCase()} answer needs none.`,
      );
    }
  }
  if (after.needs_reassessment === true) {
    sentences.push(
      "equipment" in after
        ? "Please tell us which equipment you have, so your program fits it."
        : "Your answer says basic equipment without listing any: please tell us which equipment you have, so your program fits it.",
    );
  }
  return sentences.length > 0 ? sentences.join(" ") : null;
}
