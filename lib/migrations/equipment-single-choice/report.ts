/**
 * The equipment migration's report: one entry per recorded item, in the field names operators know
 * (docs/operator-guide.md, "Equipment: one choice per assessment").
 */
import { type RecordedItem, type ReportShape, itemOwner } from "@/lib/migrations/outcome";

function jsonValue(value: unknown): unknown {
  return value === undefined ? null : value;
}

export const equipmentReport: ReportShape = {
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
    const entry = itemOwner(item);
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
};
