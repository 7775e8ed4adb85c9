import { describe, expect, it } from "vitest";
import { logRow, typeInRow } from "./logger-actions";
import { acknowledge } from "./logger-sync";
import { initialState, loggedRows, type LoggerState } from "./logger-state";
import { rowsOfSlot } from "./logger-view";
import { intoMergedSlots, matchStartedSlots, saveInMergedSlots } from "./merged-workouts";
import type { SessionSave, SessionSnapshot } from "./session-sync";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("matching a started workout's exercises to the workout it joins", () => {
  it("joins each to the first slot of the same exercise not yet taken, in plan order, and adds the rest", () => {
    const existing = [
      { id: id(1), exerciseId: 10 },
      { id: id(2), exerciseId: 20 },
      { id: id(3), exerciseId: 10 },
    ];
    const started = [
      { id: id(11), exerciseId: 10, position: 0, supersetGroup: null },
      { id: id(12), exerciseId: 10, position: 1, supersetGroup: null },
      { id: id(13), exerciseId: 10, position: 2, supersetGroup: null },
      { id: id(14), exerciseId: 30, position: 3, supersetGroup: 1 },
    ];
    const { joins, added } = matchStartedSlots(existing, started);
    expect([...joins]).toEqual([
      [id(11), id(1)],
      [id(12), id(3)],
    ]);
    expect(added.map((s) => s.id)).toEqual([id(13), id(14)]);
  });
});

describe("a save from the merged device", () => {
  const save: SessionSave = {
    baseRevision: 3,
    unit: "kg",
    finish: false,
    exercises: [
      { id: id(11), exerciseId: 10, position: 4, positionAt: 1 },
      { id: id(13), exerciseId: 10, position: 5, positionAt: 1 },
    ],
    sets: [
      { id: id(100), slotId: id(11), position: 0, values: { weightKg: 60, reps: 5 }, times: {} },
      { id: id(101), slotId: id(13), position: 0, values: { weightKg: 60, reps: 5 }, times: {} },
    ],
    deletedSets: [],
    deletedExercises: [{ id: id(11), seenRevision: 3 }],
  } as unknown as SessionSave;

  it("lands in the slots its exercises joined, leaving the joined slots' order to the workout", () => {
    const rewritten = saveInMergedSlots(save, new Map([[id(11), id(1)]]));
    expect(rewritten.exercises.map((e) => e.id)).toEqual([id(13)]);
    expect(rewritten.sets.map((s) => s.slotId)).toEqual([id(1), id(13)]);
    expect(rewritten.deletedExercises).toEqual([{ id: id(1), seenRevision: 3 }]);
  });

  it("is left as it is when nothing was merged", () => {
    expect(saveInMergedSlots(save, new Map())).toBe(save);
  });
});

describe("the merged device's own state", () => {
  const mine = id(11);
  const theirs = id(1);
  const slot = (slotId: string, position: number) => ({
    id: slotId,
    exerciseId: 10,
    exerciseName: "Squat",
    bodyweight: false,
    measure: "reps_load" as const,
    supersetGroup: null,
    position,
    target: { sets: 3, repsMin: 5, repsMax: 8, note: null },
    revision: 1,
    times: {},
  });
  const startedHere: SessionSnapshot = {
    id: 0,
    uid: id(500),
    revision: 0,
    name: "Legs",
    notes: "",
    durationSeconds: null,
    finishedAt: null,
    times: {},
    exercises: [slot(mine, 0)],
    sets: [],
  };

  /** Set 1 ticked at 100 × 5 and set 2 typed (not ticked) on this device, before its first save. */
  function deviceState(): { state: LoggerState; sent: LoggerState["pending"] } {
    let state = initialState(startedHere, "kg");
    const [first, second] = state.rows[mine];
    state = typeInRow(state, first.id, mine, { weightKg: "100", reps: "5" });
    state = logRow(state, first.id, mine, null, 1000).state;
    const sent = state.pending;
    state = typeInRow(state, second.id, mine, { weightKg: "105" });
    return { state, sent };
  }

  it("moves its typed rows and queued sets to the slot they joined, so nothing typed disappears", () => {
    const { state, sent } = deviceState();
    const [set] = Object.values(sent.sets);
    const answer: SessionSnapshot = {
      ...startedHere,
      id: 9,
      uid: id(600),
      revision: 4,
      exercises: [slot(theirs, 0)],
      sets: [{ ...set.values, id: set.id, slotId: theirs, position: 1, revision: 4, times: {} }] as SessionSnapshot["sets"],
    };
    const after = acknowledge(state, sent, answer, [], (s) => intoMergedSlots(s, { [mine]: theirs }));
    expect(after.server.uid).toBe(id(600));
    expect(Object.keys(after.pending.sets)).toEqual([]);
    expect(loggedRows(after, theirs).map((r) => r.values.weightKg)).toEqual([100]);
    expect(after.rows[mine]).toBeUndefined();
    expect(after.rows[theirs].map((r) => r.text.weightKg)).toContain("105");
    expect(rowsOfSlot(after, theirs, false).length).toBeGreaterThanOrEqual(2);
  });

  it("moves a set queued while the first save was on its way, and keeps the others as they are", () => {
    const { state } = deviceState();
    const other = id(77);
    const queued = {
      ...state,
      pending: {
        ...state.pending,
        sets: { ...state.pending.sets, x: { ...Object.values(state.pending.sets)[0], id: "x", slotId: other } },
      },
    };
    const moved = intoMergedSlots(queued, { [mine]: theirs });
    expect(Object.values(moved.pending.sets).map((s) => s.slotId)).toEqual([theirs, other]);
    expect(moved.pending.sets.x).toBe(queued.pending.sets.x);
  });

  it("is the same state when nothing it holds was merged", () => {
    const { state } = deviceState();
    expect(intoMergedSlots(state, { [id(999)]: theirs })).toBe(state);
  });
});
