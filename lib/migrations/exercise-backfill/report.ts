/** The exercise backfill's report: the exercise, its owner, and what changed. */
import { type RecordedItem, type ReportShape, itemOwner } from "@/lib/migrations/outcome";

export const exerciseBackfillReport: ReportShape = {
  columns: [
    "user_id",
    "user_email",
    "status",
    "exercise_id",
    "exercise_name",
    "type",
    "original_difficulty",
    "new_difficulty",
    "original_equipment_required",
    "new_equipment_required",
    "error",
  ],
  detail(item: RecordedItem) {
    const before = item.before ?? {};
    const after = item.after ?? {};
    const entry: Record<string, unknown> = {
      ...itemOwner(item),
      exercise_id: item.rowId,
      exercise_name: before.name ?? null,
      type: before.type ?? null,
      original_difficulty: before.difficulty ?? null,
      original_equipment_required: before.equipment_required ?? null,
    };
    if (item.status === "migrated") {
      entry.new_difficulty = after.difficulty ?? before.difficulty ?? null;
      entry.new_equipment_required = after.equipment_required ?? before.equipment_required ?? null;
    } else if (item.status === "error") {
      entry.error = item.reason;
    }
    return entry;
  },
};
