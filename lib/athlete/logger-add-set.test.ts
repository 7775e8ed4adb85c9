import { describe, expect, it } from "vitest";
import { logRow, typeInRow } from "./logger-actions";
import { addRow } from "./logger-arrange";
import { initialState, loggedRows, type LoggerState } from "./logger-state";
import type { SessionSnapshot } from "./session-sync";

const snapshot = (sets: SessionSnapshot["sets"] = []): SessionSnapshot => ({
  id: 1,
  uid: "00000000-0000-4000-8000-0000000000aa",
  revision: 1,
  name: "Push",
  notes: "",
  durationSeconds: null,
  finishedAt: null,
  times: {},
  exercises: [
    {
      id: "slot-1",
      exerciseId: 7,
      exerciseName: "Bench Press",
      bodyweight: false,
      measure: "reps_load",
      supersetGroup: null,
      position: 0,
      target: { sets: 2, repsMin: 8, repsMax: 10, note: null },
      revision: 1,
      times: {},
    },
  ],
  sets,
});

const rowsOf = (state: LoggerState) => state.rows["slot-1"] ?? [];

describe("+ Add set", () => {
  it("copies the last logged set's weight, reps and RPE", () => {
    const state = initialState(
      snapshot([
        {
          id: "set-1",
          slotId: "slot-1",
          position: 0,
          weightKg: 62.5,
          reps: 8,
          rpe: 7.5,
          missed: false,
          setType: "normal",
          seconds: null,
          distanceM: null,
          revision: 1,
          times: {},
        },
      ]),
      "kg",
    );
    const next = addRow(state, "slot-1");
    expect(rowsOf(next).at(-1)!.text).toMatchObject({ weightKg: "62.5", reps: "8", rpe: "7.5", missed: false });
  });

  it("copies the nearest typed row above, skipping blank planned rows", () => {
    let state = initialState(snapshot(), "kg");
    const [first] = rowsOf(state);
    state = typeInRow(state, first.id, "slot-1", { weightKg: "40", reps: "12" });
    const next = addRow(state, "slot-1");
    expect(rowsOf(next)).toHaveLength(3);
    expect(rowsOf(next).at(-1)!.text).toMatchObject({ weightKg: "40", reps: "12", rpe: "", missed: false });
  });

  it("starts blank when nothing was typed or logged, and never copies 'missed'", () => {
    const blank = addRow(initialState(snapshot(), "kg"), "slot-1");
    expect(rowsOf(blank).at(-1)!.text).toMatchObject({ weightKg: "", reps: "", rpe: "", missed: false });

    const missed = initialState(
      snapshot([
        {
          id: "set-1",
          slotId: "slot-1",
          position: 0,
          weightKg: 100,
          reps: 3,
          rpe: null,
          missed: true,
          setType: "normal",
          seconds: null,
          distanceM: null,
          revision: 1,
          times: {},
        },
      ]),
      "lb",
    );
    const next = addRow(missed, "slot-1");
    expect(rowsOf(next).at(-1)!.text).toMatchObject({ weightKg: "220.5", reps: "3", missed: false });
  });

  it.each([
    ["drop", "normal"],
    ["failure", "normal"],
    ["warmup", "warmup"],
  ] as const)("copies the values of a %s set but makes the copy a %s set", (type, expected) => {
    let state = initialState(snapshot(), "kg");
    const [first] = rowsOf(state);
    state = typeInRow(state, first.id, "slot-1", { weightKg: "50", reps: "10", setType: type });
    const next = addRow(state, "slot-1");
    expect(rowsOf(next).at(-1)!.text).toMatchObject({ weightKg: "50", reps: "10", setType: expected });
  });

  it("gives the copy its own identity, so logging it adds a set instead of changing one", () => {
    let state = initialState(
      snapshot([
        {
          id: "set-1",
          slotId: "slot-1",
          position: 0,
          weightKg: 60,
          reps: 5,
          rpe: null,
          missed: false,
          setType: "normal",
          seconds: null,
          distanceM: null,
          revision: 1,
          times: {},
        },
      ]),
      "kg",
    );
    state = addRow(state, "slot-1");
    const copy = rowsOf(state).at(-1)!;
    expect(copy.id).not.toBe("set-1");
    const logged = logRow(state, copy.id, "slot-1", null, 1_000).state;
    expect(loggedRows(logged, "slot-1").map((r) => [r.id, r.values.weightKg, r.values.reps])).toEqual([
      ["set-1", 60, 5],
      [copy.id, 60, 5],
    ]);
  });
});
