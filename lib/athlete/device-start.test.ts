import { describe, expect, it } from "vitest";
import { deviceStartedSession, type PlanDay } from "./device-start";
import { hasPending, openState } from "./logger-state";
import { acknowledge, saveInput } from "./logger-sync";
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

describe("the logger on a workout started on the device", () => {
  const uid = "10000000-0000-4000-8000-000000000000";

  it("sends how it was started with its first save, and no more once the server has it", () => {
    const { snapshot, start } = deviceStartedSession(uid, day, 1_700_000_000_000, ids());
    const opened = openState(null, snapshot, "kg", start);
    expect(hasPending(opened.pending)).toBe(true);
    expect(saveInput(opened).start).toEqual(start);

    const created = { ...snapshot, id: 41, revision: 1 };
    const saved = acknowledge(opened, opened.pending, created, []);
    expect(saved.pending.start).toBeUndefined();
    expect(hasPending(saved.pending)).toBe(false);
    expect(saveInput(saved).start).toBeUndefined();
  });

  it("reopens the same workout after a reload, by its uid, with what was queued", () => {
    const { snapshot, start } = deviceStartedSession(uid, day, 1_700_000_000_000, ids());
    const opened = openState(null, snapshot, "kg", start);
    const reloaded = openState(JSON.parse(JSON.stringify(opened)), snapshot, "kg", start);
    expect(reloaded.pending.start).toEqual(start);
    // Another workout's state is not this one's.
    const other = deviceStartedSession("20000000-0000-4000-8000-000000000000", day, 1, ids());
    expect(openState(opened, other.snapshot, "kg", other.start).pending.start).toEqual(other.start);
  });

  it("a session the server made is never sent a start", () => {
    const { snapshot, start } = deviceStartedSession(uid, day, 1, ids());
    expect(openState(null, { ...snapshot, id: 9, revision: 2 }, "kg", start).pending.start).toBeUndefined();
  });
});
