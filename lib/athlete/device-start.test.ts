import { describe, expect, it } from "vitest";
import { deviceStartedSession, type PlanDay } from "./device-start";
import { sessionSaveSchema } from "./session-sync";

const day: PlanDay = {
  id: 12,
  name: "Pull day",
  splitName: "Upper / lower",
  exercises: [
    {
      exerciseId: 3,
      exerciseName: "Pull-Up",
      measure: "reps",
      bodyweight: true,
      supersetGroup: null,
      target: { sets: 4, repsMin: 6, repsMax: 8, note: "Slow" },
    },
    {
      exerciseId: 9,
      exerciseName: "Dumbbell Curl",
      measure: "reps_load",
      bodyweight: false,
      supersetGroup: 1,
      target: { sets: 3, repsMin: 8, repsMax: 12, note: null },
    },
  ],
};

function ids() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}

describe("a workout started on the device", () => {
  it("lays out the day's exercises with their targets, and starts the same slots on the server", () => {
    const { snapshot, start } = deviceStartedSession("10000000-0000-4000-8000-000000000000", day, 1_700_000_000_000, ids());
    expect(snapshot).toMatchObject({ id: 0, revision: 0, name: "Pull day", finishedAt: null, sets: [] });
    expect(snapshot.exercises.map((s) => [s.exerciseName, s.position, s.target?.sets, s.supersetGroup])).toEqual([
      ["Pull-Up", 0, 4, null],
      ["Dumbbell Curl", 1, 3, 1],
    ]);
    expect(start.slots.map((s) => s.id)).toEqual(snapshot.exercises.map((s) => s.id));
    expect(start).toMatchObject({ splitDayId: 12, name: "Pull day", startedAt: 1_700_000_000_000 });
    // What the device sends is what the save contract accepts.
    expect(sessionSaveSchema.safeParse({ baseRevision: 0, unit: "kg", start }).success).toBe(true);
  });

  it("starts an empty workout with no day", () => {
    const { snapshot, start } = deviceStartedSession("10000000-0000-4000-8000-000000000000", null, 5, ids());
    expect(snapshot.exercises).toEqual([]);
    expect(start).toEqual({ splitDayId: null, name: "Workout", startedAt: 5, slots: [] });
  });
});
