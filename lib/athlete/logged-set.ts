/**
 * What the logger works out once a set is ticked: the records it sets, and the line a screen reader
 * announces. Apart from what the logger shows (./logger-view) so the page can load it after it is
 * usable: the first tick never waits for more than this module.
 */
import { distanceUnitFor, formatDistance } from "@/lib/training/distance";
import { RECORD_LABELS } from "@/lib/training/record-kinds";
import { detectPersonalRecords, type PersonalRecord } from "@/lib/training/records";
import type { LoggedSet, SetValues } from "@/lib/training/set";
import { setTimeText } from "@/lib/training/set-time";
import type { WeightUnit } from "@/lib/training/units";
import { loggedRows, visibleSlots, weightText, type LoggerState, type PendingSet } from "./logger-state";

/**
 * The records a newly logged set sets (a warm-up or a missed attempt sets none): against the athlete's record-holding sets from before this
 * session, plus the sets of the same exercise logged earlier in this session.
 */
export function recordsForLoggedSet(
  state: LoggerState,
  set: PendingSet,
  exerciseId: number,
  recordSets: readonly LoggedSet[],
): PersonalRecord[] {
  const earlier: LoggedSet[] = [...recordSets];
  for (const slot of visibleSlots(state)) {
    if (slot.exerciseId !== exerciseId) continue;
    for (const r of loggedRows(state, slot.id)) {
      if (r.id !== set.id) earlier.push(r.values);
    }
  }
  return detectPersonalRecords(earlier, set.values);
}

/**
 * What is announced when a set is logged: the records it set (a first time is no record), or the set
 * itself ("Logged Squat set 2: 100 kg for 5 reps."), then the exercise to go to next in a superset.
 */
export function loggedSetAnnouncement(logged: {
  exerciseName: string;
  /** The row's place in its exercise, from 0. */
  index: number;
  values: SetValues;
  unit: WeightUnit;
  records: readonly PersonalRecord[];
  next?: string;
}): string {
  const { exerciseName, index, values, unit } = logged;
  const real = logged.records.filter((r) => r.previous !== null);
  const weight = values.weightKg ? `${weightText(values.weightKg, unit)} ${unit}` : "";
  const distance = values.distanceM !== null ? formatDistance(values.distanceM, distanceUnitFor(unit)) : "";
  const what =
    values.seconds !== null && values.distanceM !== null
      ? `${distance} in ${setTimeText(values.seconds)}`
      : values.seconds !== null
        ? `${setTimeText(values.seconds)}${values.seconds < 60 ? " seconds" : ""}`
        : values.distanceM !== null
          ? `${distance}${weight ? ` with ${weight}` : ""}`
          : `${weight || "bodyweight"} for ${values.reps} reps`;
  return (
    (real.length
      ? `New personal record on ${exerciseName}: ${real.map((r) => RECORD_LABELS[r.kind]).join(", ")}.`
      : `Logged ${exerciseName} set ${index + 1}${values.setType === "warmup" ? " (warm-up)" : ""}: ${what}${values.missed ? " (missed)" : ""}.`) +
    (logged.next ? ` Next: ${logged.next}.` : "")
  );
}
