/** The legacy name suffixes' report, the same for exercises and splits but for the row's id column. */
import { type RecordedItem, type ReportShape, itemOwner } from "@/lib/migrations/outcome";

export function legacyNameReport(idColumn: "exercise_id" | "split_id"): ReportShape {
  return {
    columns: ["user_id", "user_email", "status", idColumn, "original_name", "new_name", "error"],
    detail(item: RecordedItem) {
      const entry: Record<string, unknown> = {
        ...itemOwner(item),
        [idColumn]: item.rowId,
        original_name: item.before?.name ?? null,
      };
      if (item.status === "migrated") entry.new_name = item.after?.name ?? null;
      else if (item.status === "error") entry.error = item.reason;
      return entry;
    },
  };
}
