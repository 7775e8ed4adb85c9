import { describe, expect, it } from "vitest";
import { editLoggedSet } from "./logger-actions";
import { LOGGER_STATE_VERSION, loggedRows, openState, valuesOfText, type LoggerState } from "./logger-state";
import { saveInput } from "./logger-sync";
import { upgradeStoredState } from "./logger-upgrade";
import { sessionSaveSchema, type SessionSnapshot } from "./session-sync";

const SLOT = "00000000-0000-4000-8000-00000000000b";
const LOGGED = "10000000-0000-4000-8000-000000000001";
const QUEUED = "10000000-0000-4000-8000-000000000002";
const TYPED = "10000000-0000-4000-8000-000000000003";

/** A state as the logger of the previous release wrote it to localStorage (version 2), for an athlete in pounds. */
const version2 = {
  version: 2,
  sessionId: 7,
  unit: "lb",
  server: {
    id: 7,
    revision: 3,
    name: "Push",
    notes: "",
    durationSeconds: null,
    finishedAt: null,
    times: {},
    exercises: [
      {
        id: SLOT,
        exerciseId: 2,
        exerciseName: "Bench Press",
        bodyweight: false,
        measure: "reps_load",
        supersetGroup: null,
        position: 0,
        target: null,
        revision: 1,
        times: { position: 1 },
      },
    ],
    sets: [
      {
        id: LOGGED,
        slotId: SLOT,
        position: 0,
        weightKg: 102.06,
        reps: 5,
        rpe: null,
        missed: false,
        setType: "normal",
        durationSeconds: null,
        distanceM: null,
        revision: 3,
        times: { weight: 500, reps: 500, rpe: 500, missed: 500, position: 500, setType: 500, seconds: 500, distance: 500 },
      },
    ],
  },
  pending: {
    sets: {
      [QUEUED]: {
        id: QUEUED,
        slotId: SLOT,
        position: 1,
        values: { weight: 230, reps: 3, rpe: 9, missed: false, setType: "normal", seconds: null, distance: null },
        times: { weight: 900, reps: 900, rpe: 900, missed: 900, position: 900, setType: 900, seconds: 900, distance: 900 },
      },
    },
    exercises: {},
    deletedSets: {},
    deletedExercises: {},
    finish: false,
  },
  // Typed on the device, not yet ticked; the second row was typed before set types and measures existed.
  rows: { [SLOT]: [{ id: TYPED, slotId: SLOT, text: { weight: "235", reps: "2", rpe: "", missed: false } }] },
  editing: {},
  nameText: "Push",
  notesText: "",
  durationText: "",
  errors: { [TYPED]: { weight: "That weight is beyond any lift on record." } },
  sessionErrors: {},
  notices: {},
  marks: {},
};

/** The server's answer after the deploy: the same session in the current shape. */
const current: SessionSnapshot = {
  ...(version2.server as unknown as SessionSnapshot),
  sets: [
    {
      id: LOGGED,
      slotId: SLOT,
      position: 0,
      weightKg: 102.06,
      reps: 5,
      rpe: null,
      missed: false,
      setType: "normal",
      seconds: null,
      distanceM: null,
      revision: 3,
      times: { weightKg: 500, reps: 500, rpe: 500, missed: 500, position: 500, setType: 500, seconds: 500, distanceM: 500 },
    },
  ],
};

describe("a logger state kept on a device by the previous release", () => {
  const stored = JSON.parse(JSON.stringify(version2));

  it("keeps the queued set, with its weight in kilograms, and sends it in the current save contract", () => {
    const state = openState(upgradeStoredState(stored), current, "lb");
    expect(state.pending.sets[QUEUED].values).toEqual({
      weightKg: 104.33,
      reps: 3,
      rpe: 9,
      missed: false,
      setType: "normal",
      seconds: null,
      distanceM: null,
    });
    const save = sessionSaveSchema.parse(saveInput(state));
    expect(save.sets).toEqual([
      expect.objectContaining({
        id: QUEUED,
        values: expect.objectContaining({ weightKg: 104.33, reps: 3 }),
        times: { weightKg: 900, reps: 900, rpe: 900, missed: 900, position: 900, setType: 900, seconds: 900, distanceM: 900 },
      }),
    ]);
    // The athlete still reads what they typed, in pounds.
    expect(loggedRows(state, SLOT).map((r) => [r.id, r.values.weightKg])).toEqual([
      [LOGGED, 102.06],
      [QUEUED, 104.33],
    ]);
  });

  it("keeps the rows typed and not logged, with the defaults for fields they did not have, and their errors", () => {
    const state = upgradeStoredState(stored)!;
    expect(state.rows[SLOT][0].text).toEqual({
      weightKg: "235",
      reps: "2",
      rpe: "",
      missed: false,
      setType: "normal",
      seconds: "",
      distanceM: "",
    });
    expect(state.errors[TYPED]).toEqual({ weightKg: "That weight is beyond any lift on record." });
  });

  it("reads the server's sets it cached by their current names, so an edit compares with the right field times", () => {
    const state = upgradeStoredState(stored)!;
    expect(state.server.sets[0]).toMatchObject({
      seconds: null,
      times: expect.objectContaining({ weightKg: 500, distanceM: 500 }),
    });
    const edited = editLoggedSet(state, LOGGED, SLOT, { reps: "6" }, 2000);
    expect(edited.pending.sets[LOGGED].times).toMatchObject({ reps: 2000, weightKg: 500 });
  });

  it("keeps a distance typed in metres (version 3) as metres, now that a bare number is read in km or mi", () => {
    const typed = { ...upgradeStoredState(stored)!, version: 3 } as Record<string, unknown>;
    const row = (typed.rows as LoggerState["rows"])[SLOT][0];
    (typed.rows as LoggerState["rows"])[SLOT] = [{ ...row, text: { ...row.text, distanceM: "400" } }];
    const state = upgradeStoredState(JSON.parse(JSON.stringify(typed)))!;
    expect(state.version).toBe(LOGGER_STATE_VERSION);
    expect(state.rows[SLOT][0].text.distanceM).toBe("400 m");
    expect(valuesOfText(state.rows[SLOT][0].text, false, "distance_time", "lb").distanceM).toBe(400);
  });

  it("refuses a state it cannot read, so the logger starts from the server's session", () => {
    expect(upgradeStoredState({ ...version2, version: 1 })).toBeNull();
    expect(upgradeStoredState("junk")).toBeNull();
  });
});
