import { describe, expect, it } from "vitest";
import { editLoggedSet, logRow, textOfValues, typeInRow } from "./logger-actions";
import { addWarmupRows, toggleSupersetWithNext, warmupsFor } from "./logger-arrange";
import { initialState, visibleSlots, type LoggerState } from "./logger-state";
import { recordsForLoggedSet } from "./logged-set";
import { saveInput } from "./logger-sync";
import { sessionSaveSchema, type SessionSnapshot } from "./session-sync";

const PLANK = "00000000-0000-4000-8000-00000000000a";
const PRESS = "00000000-0000-4000-8000-00000000000b";
const snapshot: SessionSnapshot = {
  id: 7,
  uid: "00000000-0000-4000-8000-0000000000aa",
  revision: 1,
  name: "Workout",
  notes: "",
  durationSeconds: null,
  finishedAt: null,
  times: {},
  exercises: [
    {
      id: PLANK,
      exerciseId: 1,
      exerciseName: "Plank",
      bodyweight: true,
      measure: "time",
      supersetGroup: null,
      position: 0,
      target: { sets: 1, repsMin: 30, repsMax: 60, note: null },
      revision: 1,
      times: {},
    },
    {
      id: PRESS,
      exerciseId: 2,
      exerciseName: "Press",
      bodyweight: false,
      measure: "reps_load",
      supersetGroup: null,
      position: 1,
      target: { sets: 1, repsMin: 8, repsMax: 12, note: null },
      revision: 1,
      times: {},
    },
  ],
  sets: [],
};

const rowOf = (state: LoggerState, slotId: string, index = 0) => state.rows[slotId][index];

describe("the logger, by measure and set type", () => {
  it("logs a plank by its seconds, with 0 reps, and asks for the seconds when they are blank", () => {
    let state = initialState(snapshot, "kg");
    const row = rowOf(state, PLANK);
    const blank = logRow(state, row.id, PLANK, null, 1000);
    expect(blank.logged).toBeNull();
    expect(blank.state.errors[row.id]).toEqual({ seconds: "Enter the time, like 90 or 1:30." });
    state = typeInRow(state, row.id, PLANK, { seconds: "45" });
    const logged = logRow(state, row.id, PLANK, null, 1000).logged!;
    expect(logged.values).toMatchObject({ reps: 0, seconds: 45, distanceM: null, setType: "normal" });
    expect(sessionSaveSchema.safeParse(saveInput(logRow(state, row.id, PLANK, null, 1000).state)).success).toBe(true);
  });

  it.each([
    ["45", 45, "45"],
    ["90", 90, "1:30"],
    ["1:30", 90, "1:30"],
    ["1.30", 90, "1:30"],
    ["1:02:03", 3723, "1:02:03"],
  ])("logs a plank typed as %j as %s seconds, shown back as %j", (typed, seconds, shown) => {
    let state = initialState(snapshot, "kg");
    const row = rowOf(state, PLANK);
    state = typeInRow(state, row.id, PLANK, { seconds: typed });
    const { logged } = logRow(state, row.id, PLANK, null, 1000);
    expect(logged!.values.seconds).toBe(seconds);
    expect(textOfValues(logged!.values, "kg").seconds).toBe(shown);
  });

  it("names the time it cannot read", () => {
    let state = initialState(snapshot, "kg");
    const row = rowOf(state, PLANK);
    state = typeInRow(state, row.id, PLANK, { seconds: "1:75" });
    expect(logRow(state, row.id, PLANK, null, 1000).state.errors[row.id]).toEqual({
      seconds: "Enter the time, like 90 or 1:30.",
    });
  });

  it("adds warm-ups ramped toward the working weight before the typed rows", () => {
    const state = addWarmupRows(initialState(snapshot, "kg"), PRESS, 100);
    expect(state.rows[PRESS].map((r) => [r.text.setType, r.text.weightKg, r.text.reps])).toEqual([
      ["warmup", "40", "5"],
      ["warmup", "60", "3"],
      ["warmup", "80", "2"],
      ["normal", "", ""],
    ]);
  });

  it("asks for a working weight before adding warm-ups, and clears that notice once they are added", () => {
    const slot = { id: PRESS, exerciseName: "Press" };
    const asked = warmupsFor(initialState(snapshot, "kg"), slot, 0);
    expect(asked.state.rows[PRESS]).toHaveLength(1);
    expect(asked.state.notices[PRESS]).toBe("Type the first working weight, then add warm-ups ramped toward it.");
    expect(asked.announcement).toBe("Type the first working weight for Press, then add warm-ups.");
    const added = warmupsFor(asked.state, slot, 100);
    expect(added.state.rows[PRESS].map((r) => r.text.setType)).toEqual(["warmup", "warmup", "warmup", "normal"]);
    expect(added.state.notices[PRESS]).toBeUndefined();
    expect(added.announcement).toBe("Warm-up sets added to Press, ramped toward 100 kg.");
  });

  it("finds no record in a logged warm-up", () => {
    let state = initialState(snapshot, "kg");
    const row = rowOf(state, PRESS);
    state = typeInRow(state, row.id, PRESS, { weightKg: "200", reps: "5", setType: "warmup" });
    const { state: after, logged } = logRow(state, row.id, PRESS, null, 1000);
    expect(recordsForLoggedSet(after, logged!, 2, [{ weightKg: 100, reps: 5 }])).toEqual([]);
  });

  it("links an exercise with the next into a superset and unlinks it, sending only the grouping", () => {
    const linked = toggleSupersetWithNext(initialState(snapshot, "kg"), PLANK, 500);
    expect(visibleSlots(linked).map((s) => s.supersetGroup)).toEqual([1, 1]);
    const save = sessionSaveSchema.parse(saveInput(linked));
    expect(save.exercises.map((e) => [e.supersetGroup, e.supersetAt, e.positionAt])).toEqual([
      [1, 500, 0],
      [1, 500, 0],
    ]);
    expect(visibleSlots(toggleSupersetWithNext(linked, PLANK, 600)).map((s) => s.supersetGroup)).toEqual([1, null]);
  });
});

describe("a converted weight shown rounded", () => {
  const SET = "20000000-0000-4000-8000-000000000001";
  const withSet: SessionSnapshot = {
    ...snapshot,
    sets: [
      {
        id: SET,
        slotId: PRESS,
        position: 0,
        revision: 1,
        times: {},
        weightKg: 102.5,
        reps: 5,
        rpe: null,
        missed: false,
        setType: "normal",
        seconds: null,
        distanceM: null,
      },
    ],
  };

  it("reads 102.5 kg as 226 lb, and keeps 102.5 kg when another field of the set is edited", () => {
    const state = initialState(withSet, "lb");
    expect(textOfValues(withSet.sets[0], "lb").weightKg).toBe("226");
    const edited = editLoggedSet(state, SET, PRESS, { reps: "6" }, 2000);
    expect(edited.pending.sets[SET].values).toMatchObject({ weightKg: 102.5, reps: 6 });
    expect(edited.pending.sets[SET].times.weightKg).toBe(0);
  });

  it("stores the weight typed over it, in pounds", () => {
    const edited = editLoggedSet(initialState(withSet, "lb"), SET, PRESS, { weightKg: "225" }, 2000);
    expect(edited.pending.sets[SET].values.weightKg).toBe(102.06);
  });
});
