"use client";

import { useState } from "react";
import type { ActionState } from "@/lib/action-state";
import type { ExerciseContext } from "@/lib/athlete/exercise-context";
import type { LoggedSet } from "@/lib/training/set";
import type { PickerOption } from "./exercise-picker";

export type DataAction<I, T> = (state: ActionState<T> | undefined, input: I) => Promise<ActionState<T>>;
/** Last time an exercise was done: its day, as the server wrote it in the athlete's zone, and its sets. */
export type PreviousPerformance = { day: string; sets: LoggedSet[] };

/**
 * The picker's exercise list (fetched when it first opens) and, per exercise, last time's sets and
 * the records to beat (fetched when one is added mid-session; offline, records are not shown).
 */
export function useExerciseLibrary(
  sessionUid: string,
  initial: { previous: Record<number, PreviousPerformance>; recordSets: Record<number, LoggedSet[]> },
  actions: {
    options: DataAction<Record<string, never>, PickerOption[]>;
    context: DataAction<{ sessionUid: string; exerciseId: number }, ExerciseContext>;
  },
) {
  const [previous, setPrevious] = useState(initial.previous);
  const [recordSets, setRecordSets] = useState(initial.recordSets);
  const [options, setOptions] = useState<PickerOption[] | null>(null);
  const [failed, setFailed] = useState(false);

  async function loadOptions() {
    if (options) return;
    setFailed(false);
    try {
      const result = await actions.options({ status: "idle" }, {});
      if (result.status === "success" && result.data) setOptions(result.data);
      else setFailed(true);
    } catch {
      setFailed(true);
    }
  }

  async function loadContext(exerciseId: number) {
    if (previous[exerciseId] || recordSets[exerciseId]) return;
    try {
      const result = await actions.context({ status: "idle" }, { sessionUid, exerciseId });
      if (result.status === "success" && result.data) {
        const context = result.data;
        if (context.previous) setPrevious((p) => ({ ...p, [exerciseId]: context.previous! }));
        setRecordSets((r) => ({ ...r, [exerciseId]: context.recordSets }));
      }
    } catch {
      // Offline: no "last time" values for this exercise.
    }
  }

  return { previous, recordSets, options, failed, loadOptions, loadContext };
}
