/**
 * A workout started on the device, before (or without) the server: the session the logger opens
 * (id 0 until the server has it; its uid made here) laid out from a plan day the device holds, and
 * the `start` its first save sends so the server creates the same session under the same ids.
 */
import type { SessionSnapshot, SessionStart, SlotTarget } from "./session-sync";
import type { ExerciseMeasure } from "@/lib/training/types";

/** A day of the athlete's plan as the device keeps it for starting with no signal. */
export type PlanDay = {
  id: number;
  name: string;
  /** The split the day belongs to, to tell "Day A" of two splits apart. */
  splitName: string;
  exercises: {
    exerciseId: number;
    exerciseName: string;
    measure: ExerciseMeasure;
    bodyweight: boolean;
    supersetGroup: number | null;
    target: SlotTarget;
  }[];
};

export type DeviceStartedSession = { snapshot: SessionSnapshot; start: SessionStart };

export const EMPTY_WORKOUT_NAME = "Workout";

/** Where "Start workout" goes when the server cannot be reached: the logger started on the device. */
export function deviceStartHref(dayId?: number | null): string {
  return dayId ? `/log/start?day=${dayId}` : "/log/start";
}

/** The session and its start for a workout begun at `startedAt` from `day` (or empty), ids from `newId`. */
export function deviceStartedSession(
  uid: string,
  day: PlanDay | null,
  startedAt: number,
  newId: () => string,
): DeviceStartedSession {
  const slots = (day?.exercises ?? []).map((e, position) => ({ ...e, id: newId(), position }));
  const name = day?.name ?? EMPTY_WORKOUT_NAME;
  return {
    snapshot: {
      id: 0,
      uid,
      revision: 0,
      name,
      notes: "",
      durationSeconds: null,
      finishedAt: null,
      times: {},
      exercises: slots.map((s) => ({
        id: s.id,
        exerciseId: s.exerciseId,
        exerciseName: s.exerciseName,
        bodyweight: s.bodyweight,
        measure: s.measure,
        supersetGroup: s.supersetGroup,
        position: s.position,
        target: s.target,
        revision: 0,
        times: {},
      })),
      sets: [],
    },
    start: {
      splitDayId: day?.id ?? null,
      name,
      startedAt,
      slots: slots.map((s) => ({ id: s.id, exerciseId: s.exerciseId, position: s.position, supersetGroup: s.supersetGroup })),
    },
  };
}
