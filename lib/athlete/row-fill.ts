/**
 * What each row of an exercise shows beside and inside its fields before anything is typed:
 *
 * - "Last": last session's set that matches the row, counted by kind: the k-th working row is matched
 *   with last time's k-th working set (the last one when today has more), a warm-up row with last
 *   time's k-th warm-up (none when there was none), so a 30 kg warm-up never reads as last week's 95 × 5.
 * - The fill (the greyed values, logged as they are when the row is ticked): the set before it of the
 *   same kind, typed or logged, since the next set is most often the same again; for the first
 *   working row, today's suggestion (the progression rule) or else last time's matching set. Typing in
 *   a field replaces its fill; nothing is filled into the field itself, so everything stays editable.
 */
import { isWarmup, type LoggedSet } from "@/lib/training/set";
import { setTimeText } from "@/lib/training/set-time";
import { distanceFieldUnit, distanceText } from "@/lib/training/distance";
import type { ExerciseMeasure } from "@/lib/training/types";
import type { WeightUnit } from "@/lib/training/units";
import { weightText, type RowFill, type SetText } from "./logger-state";

/** A logged set's values as the fields of the exercise's measure show them. */
export function fillOfSet(set: LoggedSet, unit: WeightUnit, measure: ExerciseMeasure): RowFill {
  return {
    weightKg: set.weightKg > 0 ? weightText(set.weightKg, unit) : "",
    // No reps (a missed attempt, a timed or distance set) fill none: a 0 would be logged as typed.
    reps: set.reps === 0 ? "" : String(set.reps),
    ...(set.seconds ? { seconds: setTimeText(set.seconds) } : {}),
    ...(set.distanceM ? { distanceM: distanceText(set.distanceM, distanceFieldUnit(measure, unit)) } : {}),
  };
}

/** A row's typed values over its fill: each field typed wins, a blank one keeps the fill's. */
function typedOver(text: SetText, fill: RowFill | null): RowFill | null {
  const pick = (field: "weightKg" | "reps" | "seconds" | "distanceM") => (text[field] ?? "").trim() || fill?.[field] || "";
  const [seconds, distanceM] = [pick("seconds"), pick("distanceM")];
  const merged = {
    weightKg: pick("weightKg"),
    reps: pick("reps"),
    ...(seconds ? { seconds } : {}),
    ...(distanceM ? { distanceM } : {}),
  };
  return Object.values(merged).some(Boolean) ? merged : fill;
}

export type RowFills = { previous: RowFill | null; fill: RowFill | null };

/** For each row, in order: last time's matching set and the fill (see above). */
export function rowFills(
  rows: readonly { text: SetText }[],
  lastTime: readonly LoggedSet[],
  suggestion: Pick<RowFill, "weightKg" | "reps"> | null,
  unit: WeightUnit,
  measure: ExerciseMeasure,
): RowFills[] {
  const lastWarmups = lastTime.filter(isWarmup);
  const lastWorking = lastTime.filter((s) => !isWarmup(s));
  const seen = { warmup: 0, working: 0 };
  const before: { warmup: RowFill | null; working: RowFill | null } = { warmup: null, working: null };
  return rows.map((row) => {
    const kind = row.text.setType === "warmup" ? "warmup" : "working";
    const sets = kind === "warmup" ? lastWarmups : lastWorking;
    const k = seen[kind]++;
    const match = kind === "warmup" ? sets[k] : sets[Math.min(k, sets.length - 1)];
    const previous = match ? fillOfSet(match, unit, measure) : null;
    const fill = before[kind] ?? (kind === "working" && suggestion ? suggestion : previous);
    before[kind] = typedOver(row.text, fill);
    return { previous, fill };
  });
}
