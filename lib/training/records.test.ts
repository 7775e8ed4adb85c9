import { describe, expect, it } from "vitest";
import { bestsByRepCount, detectPersonalRecords, personalBests, type RecordKind } from "./records";
import type { LoggedSet } from "./set";

const history: LoggedSet[] = [
  { weightKg: 100, reps: 5 }, // e1RM 112.5 (Brzycki), volume 500
  { weightKg: 110, reps: 2 }, // heaviest; e1RM 113.14, volume 220
  { weightKg: 80, reps: 10 }, // e1RM 106.67, volume 800
];

const kinds = (set: LoggedSet, previous: LoggedSet[] = history): RecordKind[] =>
  detectPersonalRecords(previous, set).map((r) => r.kind);

describe("detectPersonalRecords", () => {
  it.each<[string, LoggedSet, RecordKind[]]>([
    [
      "a heavier single beats weight and estimated 1RM",
      { weightKg: 115, reps: 1 },
      ["heaviest_weight", "best_estimated_one_rep_max"],
    ],
    ["more reps at a moderate weight beats estimated 1RM only", { weightKg: 100, reps: 6 }, ["best_estimated_one_rep_max"]],
    ["a long set beats volume only", { weightKg: 70, reps: 12 }, ["best_set_volume"]],
    [
      "a heavy set for many reps beats all three",
      { weightKg: 112.5, reps: 8 },
      ["heaviest_weight", "best_estimated_one_rep_max", "best_set_volume"],
    ],
    ["an equal set is no record", { weightKg: 110, reps: 2 }, []],
    ["a lighter set is no record", { weightKg: 60, reps: 5 }, []],
    ["a set with no reps is no record", { weightKg: 150, reps: 0 }, []],
    ["a bodyweight set (0 kg) is no record", { weightKg: 0, reps: 30 }, []],
  ])("%s", (_case, set, expected) => {
    expect(kinds(set)).toEqual(expected);
  });

  it("reports the value and the previous best", () => {
    const [weight] = detectPersonalRecords(history, { weightKg: 115, reps: 1 });
    expect(weight).toMatchObject({ kind: "heaviest_weight", value: 115, previous: 110, label: "Heaviest weight" });
  });

  it("names the formula behind an estimated-1RM record, RPE included", () => {
    const record = detectPersonalRecords(history, { weightKg: 100, reps: 5, rpe: 8 }).find(
      (r) => r.kind === "best_estimated_one_rep_max",
    );
    expect(record).toMatchObject({ value: 120, previous: expect.closeTo(113.14, 2), formula: "Brzycki, adjusted for RPE 8" });
  });

  it("makes the first set of an exercise a record of every kind, with no previous value", () => {
    const records = detectPersonalRecords([], { weightKg: 40, reps: 8 });
    expect(records.map((r) => [r.kind, r.previous])).toEqual([
      ["heaviest_weight", null],
      ["best_estimated_one_rep_max", null],
      ["best_set_volume", null],
    ]);
  });

  it("does not let a very high-rep set claim the estimated-1RM record", () => {
    // 60 kg × 25 would estimate 110 kg with Epley; beyond 12 reps that is a guess, not a record.
    expect(kinds({ weightKg: 60, reps: 25 }, [{ weightKg: 90, reps: 3 }])).toEqual(["best_set_volume"]);
  });

  it("compares with earlier sets that could not count, such as bodyweight sets", () => {
    expect(kinds({ weightKg: 10, reps: 8 }, [{ weightKg: 0, reps: 15 }])).toEqual([
      "heaviest_weight",
      "best_estimated_one_rep_max",
      "best_set_volume",
    ]);
  });
});

describe("personalBests", () => {
  it("finds the best of each kind across sets", () => {
    const bests = personalBests(history);
    expect(bests.heaviest_weight).toBe(110);
    expect(bests.best_estimated_one_rep_max).toBeCloseTo(113.14, 2);
    expect(bests.best_set_volume).toBe(800);
  });

  it("is empty for no sets", () => {
    expect(personalBests([])).toEqual({
      heaviest_weight: null,
      best_estimated_one_rep_max: null,
      best_set_volume: null,
      longest_hold: null,
      longest_distance: null,
      best_pace: null,
    });
  });

  it("counts nothing for a warm-up, however heavy", () => {
    expect(personalBests([{ weightKg: 140, reps: 3, setType: "warmup" }]).heaviest_weight).toBeNull();
    expect(detectPersonalRecords([{ weightKg: 100, reps: 5 }], { weightKg: 105, reps: 5, setType: "warmup" })).toEqual([]);
    expect(
      detectPersonalRecords([{ weightKg: 100, reps: 5, setType: "warmup" }], { weightKg: 90, reps: 5 }).map((r) => r.previous),
    ).toEqual([null, null, null]);
  });

  it("counts nothing for a missed attempt, as a new set or as an earlier best", () => {
    expect(detectPersonalRecords([{ weightKg: 80, reps: 5 }], { weightKg: 85, reps: 3, missed: true })).toEqual([]);
    expect(
      detectPersonalRecords([{ weightKg: 120, reps: 5, missed: true }], { weightKg: 100, reps: 5 }).map((r) => r.previous),
    ).toEqual([null, null, null]);
    expect(personalBests([{ weightKg: 0, reps: 0, seconds: 90, missed: true }]).longest_hold).toBeNull();
  });

  it("holds the longest hold, the longest distance and the best pace", () => {
    const plank = [{ weightKg: 0, reps: 0, seconds: 45 }];
    expect(detectPersonalRecords(plank, { weightKg: 0, reps: 0, seconds: 60 })).toMatchObject([
      { kind: "longest_hold", value: 60, previous: 45 },
    ]);
    expect(detectPersonalRecords(plank, { weightKg: 0, reps: 0, seconds: 30 })).toEqual([]);
    const carry = [{ weightKg: 32, reps: 0, distanceM: 40 }];
    expect(detectPersonalRecords(carry, { weightKg: 32, reps: 0, distanceM: 50 })).toMatchObject([
      { kind: "longest_distance", value: 50, previous: 40 },
    ]);
    const row = [{ weightKg: 0, reps: 0, distanceM: 500, seconds: 120 }];
    expect(detectPersonalRecords(row, { weightKg: 0, reps: 0, distanceM: 500, seconds: 110 }).map((r) => r.kind)).toEqual([
      "best_pace",
    ]);
  });
});

describe("bestsByRepCount", () => {
  type Dated = LoggedSet & { day: string };
  const sets: Dated[] = [
    { weightKg: 100, reps: 5, day: "mon" },
    { weightKg: 90, reps: 8, day: "mon" },
    { weightKg: 102.5, reps: 5, day: "wed" },
    { weightKg: 102.5, reps: 5, day: "fri" },
    { weightKg: 120, reps: 1, day: "fri" },
    { weightKg: 130, reps: 0, day: "fri" },
    { weightKg: 95, reps: 3, day: "sat" },
  ];

  it("keeps the heaviest set for each rep count, ordered by reps", () => {
    const table = bestsByRepCount(sets);
    expect(table.map((row) => [row.reps, row.best.weightKg])).toEqual([
      [1, 120],
      [3, 95],
      [5, 102.5],
      [8, 90],
    ]);
  });

  it("keeps the first time a tied weight was lifted", () => {
    expect(bestsByRepCount(sets).find((row) => row.reps === 5)?.best.day).toBe("wed");
  });

  it("leaves out sets with no reps", () => {
    expect(bestsByRepCount(sets).some((row) => row.reps === 0)).toBe(false);
  });

  it("leaves out missed attempts", () => {
    const table = bestsByRepCount([...sets, { weightKg: 140, reps: 1, missed: true, day: "sun" }]);
    expect(table.find((row) => row.reps === 1)?.best.weightKg).toBe(120);
  });

  it("gives each row its estimated 1RM", () => {
    const [single, triple] = bestsByRepCount(sets);
    expect(single.estimatedOneRepMaxKg).toBe(120);
    expect(triple.estimatedOneRepMaxKg).toBeCloseTo(100.59, 2);
  });

  it("lists bodyweight rep counts with no estimated 1RM", () => {
    expect(bestsByRepCount([{ weightKg: 0, reps: 12 }])).toEqual([
      { reps: 12, best: { weightKg: 0, reps: 12 }, estimatedOneRepMaxKg: null },
    ]);
  });
});
