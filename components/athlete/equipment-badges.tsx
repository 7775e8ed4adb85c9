import { EQUIPMENT_ITEM_LABELS } from "@/lib/equipment";
import { equipmentLabel } from "@/lib/athlete/exercise-filters";

export function EquipmentBadges({ items }: { items: readonly string[] }) {
  if (items.length === 0)
    return (
      <span className="inline-flex self-start rounded bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
        No equipment
      </span>
    );
  return (
    <span className="inline-flex flex-wrap gap-1 self-start">
      {items.map((item) => (
        <span key={item} className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
          {equipmentLabel(item, EQUIPMENT_ITEM_LABELS)}
        </span>
      ))}
    </span>
  );
}
