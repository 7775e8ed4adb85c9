/**
 * The logger's "what to lift today", per planned exercise: the progression rule (lib/training/progression)
 * applied to the exercise's last two sessions and the plan's rep range, as the text the set fields show
 * as placeholders. Exercises without a rep range (added on the day), without history, or measured by
 * time or distance get none; warm-ups are not working sets.
 */
import type { LoggedSet } from "@/lib/training/set";
import { suggestNextSession, type Suggestion } from "@/lib/training/progression";
import { fromStoredKg, type WeightUnit } from "@/lib/training/units";
import type { SnapshotSlot } from "./session-sync";

export type SlotSuggestion = { weight: string; reps: string; why: string; kind: Suggestion["kind"] };

export function slotSuggestions(
  slots: readonly (Pick<SnapshotSlot, "id" | "exerciseId" | "target"> & { measure?: SnapshotSlot["measure"] })[],
  recent: ReadonlyMap<number, readonly (readonly LoggedSet[])[]>,
  exerciseTypes: ReadonlyMap<number, string>,
  unit: WeightUnit,
): Record<string, SlotSuggestion> {
  const out: Record<string, SlotSuggestion> = {};
  for (const slot of slots) {
    // Double progression is about load and reps; timed and distance work has no rule here (yet).
    if (!slot.target || (slot.measure && slot.measure !== "reps_load" && slot.measure !== "reps")) continue;
    const suggestion = suggestNextSession({
      exerciseType: exerciseTypes.get(slot.exerciseId) ?? "other",
      repRange: { min: slot.target.repsMin, max: slot.target.repsMax },
      unit,
      sessions: (recent.get(slot.exerciseId) ?? []).map((sets) =>
        sets.map((s) => ({ weightKg: s.weightKg, reps: s.reps, rpe: s.rpe ?? null, warmup: s.setType === "warmup" })),
      ),
    });
    if (!suggestion) continue;
    out[slot.id] = {
      weight: suggestion.weightKg > 0 ? String(fromStoredKg(suggestion.weightKg, unit)) : "",
      reps: String(suggestion.reps),
      why: suggestion.why,
      kind: suggestion.kind,
    };
  }
  return out;
}
