import { describe, expect, it } from "vitest";
import { sessionSaveSchema, setsToStore } from "./session-input";
import {
  chooseDraft,
  draftFromServer,
  draftToSaveInput,
  emptySet,
  parseDecimal,
  recordsForSet,
  savedSetKeys,
  type ServerSession,
  type SessionDraft,
  setProblems,
} from "./session-draft";

const server: ServerSession = {
  id: 7,
  name: "Upper A",
  notes: null,
  durationSeconds: null,
  updatedAt: "2025-03-01T10:00:00.000Z",
  sets: [
    { exerciseId: 1, exerciseName: "Bench Press", bodyweight: false, weightKg: 102.06, reps: 5, rpe: 8 },
    { exerciseId: 1, exerciseName: "Bench Press", bodyweight: false, weightKg: 102.06, reps: 5, rpe: null },
  ],
};
const plan = [
  { exerciseId: 1, name: "Bench Press", bodyweight: false, target: { sets: 3, repsMin: 5, repsMax: 5, note: null } },
  { exerciseId: 2, name: "Pull-Up", bodyweight: true, target: { sets: 3, repsMin: 6, repsMax: 10, note: "back" } },
];

describe("draftFromServer", () => {
  it("groups logged sets by exercise in the athlete's unit and adds the plan's remaining exercises", () => {
    const draft = draftFromServer(server, "lb", plan);
    expect(draft.exercises.map((e) => [e.name, e.sets.length, e.target?.sets])).toEqual([
      ["Bench Press", 2, 3],
      ["Pull-Up", 3, 3],
    ]);
    expect(draft.exercises[0].sets[0]).toMatchObject({ weight: "225", reps: "5", rpe: "8", done: true });
    expect(draft.exercises[1].sets.every((s) => !s.done && s.weight === "")).toBe(true);
  });
});

describe("parseDecimal and setProblems", () => {
  it("reads commas as decimal points and refuses junk", () => {
    expect(parseDecimal("62,5")).toBe(62.5);
    expect(parseDecimal(" 100 ")).toBe(100);
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("1e3")).toBeNull();
    expect(parseDecimal("-5")).toBeNull();
  });

  it("needs a weight except for bodyweight exercises, whole reps, and RPE in halves", () => {
    expect(setProblems({ weight: "", reps: "8", rpe: "" }, false)).toEqual([{ field: "weight", message: "Enter the weight." }]);
    expect(setProblems({ weight: "", reps: "8", rpe: "" }, true)).toEqual([]);
    expect(setProblems({ weight: "50", reps: "8.5", rpe: "" }, false).map((p) => p.field)).toEqual(["reps"]);
    expect(setProblems({ weight: "50", reps: "8", rpe: "8.3" }, false).map((p) => p.field)).toEqual(["rpe"]);
    expect(setProblems({ weight: "50", reps: "8", rpe: "9.5" }, false)).toEqual([]);
  });
});

describe("draftToSaveInput", () => {
  it("sends ticked sets only, which the server accepts and stores in kilograms", () => {
    const draft = draftFromServer(server, "lb", plan);
    draft.exercises[1].sets[0] = { ...draft.exercises[1].sets[0], reps: "8", done: true };
    draft.exercises[1].sets[1] = { ...draft.exercises[1].sets[1], reps: "7" };
    draft.durationMinutes = "47.6";
    const input = draftToSaveInput(draft);
    expect(input.sets).toEqual([
      { exerciseId: 1, weight: 225, reps: 5, rpe: 8 },
      { exerciseId: 1, weight: 225, reps: 5, rpe: null },
      { exerciseId: 2, weight: 0, reps: 8, rpe: null },
    ]);
    expect(input.durationMinutes).toBe(48);
    expect(savedSetKeys(draft)).toEqual([draft.exercises[0].sets[0].key, draft.exercises[0].sets[1].key, draft.exercises[1].sets[0].key]);
    const stored = setsToStore(sessionSaveSchema.parse(input));
    expect(stored.map((s) => s.weightKg)).toEqual([102.06, 102.06, 0]);
  });
});

describe("recordsForSet", () => {
  it("compares with the records before the session and the sets ticked earlier in it", () => {
    const draft = draftFromServer({ ...server, sets: [] }, "kg", plan);
    const bench = draft.exercises[0];
    bench.sets = [
      { ...emptySet(), weight: "100", reps: "5", done: true },
      { ...emptySet(), weight: "105", reps: "5" },
    ];
    const before = new Map([[1, [{ weightKg: 102.5, reps: 5 }]]]);
    const records = recordsForSet(draft, bench.key, bench.sets[1].key, before);
    expect(records.map((r) => [r.kind, r.previous])).toEqual([
      ["heaviest_weight", 102.5],
      ["best_estimated_one_rep_max", expect.closeTo(115.31, 2)],
      ["best_set_volume", 512.5],
    ]);
    // Against a heavier set ticked earlier in the session, no record.
    bench.sets[0].weight = "110";
    expect(recordsForSet(draft, bench.key, bench.sets[1].key, before)).toEqual([]);
  });
});

describe("chooseDraft", () => {
  const fresh = draftFromServer(server, "kg", plan);
  const local: SessionDraft = { ...fresh, revision: 3, syncedRevision: 2, name: "Local name" };

  it("keeps the browser's draft, with its unsaved work", () => {
    expect(chooseDraft(local, fresh).name).toBe("Local name");
  });

  it("takes the server's copy when the session changed elsewhere since", () => {
    expect(chooseDraft(local, { ...fresh, serverUpdatedAt: "2025-03-02T00:00:00.000Z" }).name).toBe("Upper A");
  });

  it("ignores a draft of another session", () => {
    expect(chooseDraft({ ...local, sessionId: 8 }, fresh)).toBe(fresh);
    expect(chooseDraft(null, fresh)).toBe(fresh);
  });
});
