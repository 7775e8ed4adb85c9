import { describe, expect, it } from "vitest";
import { logRow } from "./logger-actions";
import { removeRow } from "./logger-arrange";
import { initialState, openState } from "./logger-state";
import { upgradeStoredState } from "./logger-upgrade";
import { startSetTimer, stopSetTimer, timerSeconds } from "./set-timer";
import type { SessionSnapshot } from "./session-sync";

const PLANK = "00000000-0000-4000-8000-00000000000a";
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
      target: { sets: 2, repsMin: 30, repsMax: 60, note: null },
      revision: 1,
      times: {},
    },
  ],
  sets: [],
};

const T0 = 1_700_000_000_000;

describe("a timed set's start/stop timer", () => {
  it("fills the row's time with the seconds from start to stop, as the field shows a time", () => {
    let state = initialState(snapshot, "kg");
    const row = state.rows[PLANK][0];
    state = startSetTimer(state, row.id, PLANK, T0);
    state = stopSetTimer(state, row.id, PLANK, T0 + 92_400);
    expect(state.rows[PLANK][0].text.seconds).toBe("1:32");
    expect(state.timers).toEqual({});
    expect(logRow(state, row.id, PLANK, null, T0 + 93_000).logged?.values.seconds).toBe(92);
  });

  it("keeps the start through the device's storage and a reload: the time counts from the first start", () => {
    let state = initialState(snapshot, "kg");
    const row = state.rows[PLANK][1];
    state = startSetTimer(state, row.id, PLANK, T0);
    // A second tap does not restart it.
    state = startSetTimer(state, row.id, PLANK, T0 + 5000);
    const reloaded = openState(upgradeStoredState(JSON.parse(JSON.stringify(state))), snapshot, "kg");
    expect(reloaded.timers).toEqual({ [row.id]: T0 });
    const stopped = stopSetTimer(reloaded, row.id, PLANK, T0 + 45_000);
    expect(stopped.rows[PLANK][1].text.seconds).toBe("45");
  });

  it("counts at least a second and at most a set's longest time", () => {
    expect(timerSeconds(T0, T0 + 100)).toBe(1);
    expect(timerSeconds(T0, T0 + 3 * 86_400_000)).toBe(86_400);
  });

  it("forgets the timer of a row that is removed or logged", () => {
    let state = initialState(snapshot, "kg");
    const [first, second] = state.rows[PLANK];
    state = startSetTimer(startSetTimer(state, first.id, PLANK, T0), second.id, PLANK, T0);
    state = removeRow(state, first.id, PLANK);
    expect(Object.keys(state.timers ?? {})).toEqual([second.id]);
    state = stopSetTimer(state, second.id, PLANK, T0 + 30_000);
    expect(state.timers).toEqual({});
  });

  it("starts no timer for a row that is not typed here", () => {
    const state = initialState(snapshot, "kg");
    expect(startSetTimer(state, "not-a-row", PLANK, T0)).toBe(state);
  });
});
