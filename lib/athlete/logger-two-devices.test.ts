import { describe, expect, it } from "vitest";
import { logRow, typeInRow } from "./logger-actions";
import { addRow } from "./logger-arrange";
import { acknowledge, conflictNotice } from "./logger-sync";
import { initialState, loggedRows, type LoggerState, type PendingSet } from "./logger-state";
import { rowsOfSlot } from "./logger-view";
import type { SessionSnapshot, SnapshotSet } from "./session-sync";

const SQUAT = "00000000-0000-4000-8000-00000000000a";
const opened: SessionSnapshot = {
  id: 7,
  uid: "00000000-0000-4000-8000-0000000000aa",
  revision: 1,
  name: "Legs",
  notes: "",
  durationSeconds: null,
  finishedAt: null,
  times: {},
  exercises: [
    {
      id: SQUAT,
      exerciseId: 1,
      exerciseName: "Squat",
      bodyweight: false,
      measure: "reps_load",
      supersetGroup: null,
      position: 0,
      target: { sets: 3, repsMin: 5, repsMax: 8, note: null },
      revision: 1,
      times: {},
    },
  ],
  sets: [],
};

/** A device that opened the session ticks its first planned row. */
function tickFirstRow(weightKg: string, reps: string, now: number): { state: LoggerState; set: PendingSet } {
  let state = initialState(opened, "kg");
  const row = state.rows[SQUAT][0];
  state = typeInRow(state, row.id, SQUAT, { weightKg, reps });
  const { state: logged, logged: set } = logRow(state, row.id, SQUAT, null, now);
  return { state: logged, set: set! };
}

const stored = (set: PendingSet, position: number, revision: number): SnapshotSet => ({
  id: set.id,
  slotId: set.slotId,
  position,
  ...set.values,
  revision,
  times: set.times,
});

describe("two devices that both logged set 1", () => {
  const a = tickFirstRow("100", "8", 1000);
  const b = tickFirstRow("120", "5", 2000);
  // What the server answers device B: both sets, B's after A's, and why.
  const merged: SessionSnapshot = { ...opened, revision: 3, sets: [stored(a.set, 0, 2), stored(b.set, 1, 3)] };
  const conflict = { kind: "set" as const, id: b.set.id, reason: "also_logged" as const, position: 0 };

  it("tells the device in one line that both were kept", () => {
    expect(conflictNotice(conflict)).toBe("Set 1 was also logged on your other device: both kept.");
    const after = acknowledge(b.state, b.state.pending, merged, [conflict]);
    expect(after.notices[b.set.id]).toBe("Set 1 was also logged on your other device: both kept.");
  });

  it("shows both sets and still the plan's three rows, with no empty fourth", () => {
    const after = acknowledge(b.state, b.state.pending, merged, [conflict]);
    expect(loggedRows(after, SQUAT).map((r) => [r.values.weightKg, r.values.reps])).toEqual([
      [100, 8],
      [120, 5],
    ]);
    expect(rowsOfSlot(after, SQUAT, false)).toHaveLength(3);
  });

  it("keeps a row typed in, even past the plan's count", () => {
    const row = b.state.rows[SQUAT].at(-1)!;
    const typed = typeInRow(b.state, row.id, SQUAT, { weightKg: "60" });
    const after = acknowledge(typed, typed.pending, merged, [conflict]);
    expect(after.rows[SQUAT].map((r) => r.text.weightKg)).toEqual(["60"]);
  });
});

describe("one device, its own set acknowledged after a row was added", () => {
  it("keeps every row: its own set is not one another device logged", () => {
    const { state, set } = tickFirstRow("100", "8", 1000);
    // Sent; before the answer comes, the athlete adds a fourth row past the plan's three.
    const sent = state.pending;
    const added = addRow(state, SQUAT);
    expect(rowsOfSlot(added, SQUAT, false)).toHaveLength(4);
    const answer: SessionSnapshot = { ...opened, revision: 2, sets: [stored(set, 0, 2)] };
    const after = acknowledge(added, sent, answer, []);
    expect(rowsOfSlot(after, SQUAT, false)).toHaveLength(4);
    expect(after.rows[SQUAT]).toEqual(added.rows[SQUAT]);
  });
});
