import type { LoggedSet } from "@/lib/training/set";
import type { RepCountBest } from "@/lib/training/records";
import { formatWeight, type WeightUnit } from "@/lib/training/units";

/** The best set for each rep count, with its estimated 1RM (exercise page and progress page). */
export function BestsPerRepCountTable<T extends LoggedSet>({
  bests,
  unit,
  caption,
}: {
  bests: readonly RepCountBest<T>[];
  unit: WeightUnit;
  caption?: string;
}) {
  return (
    <table className="w-full text-left text-sm tabular-nums">
      {caption ? <caption className="mb-1 text-left text-sm font-semibold text-slate-800">{caption}</caption> : null}
      <thead className="text-xs tracking-wide text-slate-500 uppercase">
        <tr>
          <th scope="col" className="py-1">
            Reps
          </th>
          <th scope="col" className="py-1">
            Best weight
          </th>
          <th scope="col" className="py-1">
            Est. 1RM
          </th>
        </tr>
      </thead>
      <tbody>
        {bests.map((b) => (
          <tr key={b.reps} className="border-t border-slate-100">
            <td className="py-1.5">{b.reps}</td>
            <td className="py-1.5">{b.best.weightKg > 0 ? formatWeight(b.best.weightKg, unit) : "Bodyweight"}</td>
            <td className="py-1.5">{b.estimatedOneRepMaxKg ? formatWeight(b.estimatedOneRepMaxKg, unit) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
