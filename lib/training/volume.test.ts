import { describe, expect, it } from "vitest";
import {
  classifyWeeklyVolume,
  compareWeekWithTargets,
  isoWeekOf,
  weeklyMuscleVolume,
  weeklyTargetFor,
  WEEKLY_SET_TARGETS,
  weekToShow,
  weekWindow,
  type WeeklyMuscleVolume,
} from "./volume";
import type { MuscleActivation } from "./types";

const BENCH = 1;
const ROW = 2;
const muscles = new Map<number, MuscleActivation[]>([
  [
    BENCH,
    [
      { muscle: "Pectoralis major", activation: 90 },
      { muscle: "Triceps brachii", activation: 70 },
      { muscle: "Anterior deltoid", activation: 60 },
    ],
  ],
  [
    ROW,
    [
      { muscle: "Rhomboids", activation: 85 },
      { muscle: "Biceps brachii", activation: 55 },
    ],
  ],
]);

const at = (iso: string) => new Date(iso);

describe("isoWeekOf", () => {
  it.each([
    ["2025-01-13T10:00:00Z", "2025-W03", "2025-01-13"], // a Monday
    ["2025-01-19T23:00:00Z", "2025-W03", "2025-01-13"], // its Sunday
    ["2024-12-30T12:00:00Z", "2025-W01", "2024-12-30"], // late December in next year's week 1
    ["2021-01-03T12:00:00Z", "2020-W53", "2020-12-28"], // early January in last year's week 53
    ["2026-12-31T12:00:00Z", "2026-W53", "2026-12-28"],
  ])("puts %s in %s starting %s", (instant, week, weekStart) => {
    expect(isoWeekOf(at(instant))).toEqual({ week, weekStart });
  });

  it("uses the athlete's time zone: Sunday evening in New York is still that week", () => {
    const sundayEveningNewYork = at("2025-01-20T02:00:00Z"); // Sunday 21:00 in New York, Monday in UTC
    expect(isoWeekOf(sundayEveningNewYork).week).toBe("2025-W04");
    expect(isoWeekOf(sundayEveningNewYork, "America/New_York").week).toBe("2025-W03");
  });
});

describe("weeklyMuscleVolume", () => {
  it("counts a set as its activation rating: a muscle worked at 60 gets 0.6 set", () => {
    const [week] = weeklyMuscleVolume([{ performedAt: at("2025-01-14T18:00:00Z"), exerciseId: BENCH }], muscles);
    expect(week.setsByMuscle).toEqual({ "Pectoralis major": 0.9, "Triceps brachii": 0.7, "Anterior deltoid": 0.6 });
  });

  it("counts no warm-up, and counts a timed or distance set with 0 reps", () => {
    const when = at("2025-01-14T18:00:00Z");
    const [week] = weeklyMuscleVolume(
      [
        { performedAt: when, exerciseId: BENCH, reps: 5, setType: "warmup" },
        { performedAt: when, exerciseId: ROW, reps: 0, seconds: 40 },
        { performedAt: when, exerciseId: ROW, reps: 0 },
      ],
      muscles,
    );
    expect(week.setsByMuscle).toEqual({ Rhomboids: 0.85, "Biceps brachii": 0.55 });
  });

  it("counts no missed attempt", () => {
    const when = at("2025-01-14T18:00:00Z");
    const [week] = weeklyMuscleVolume(
      [
        { performedAt: when, exerciseId: BENCH, reps: 3, missed: true },
        { performedAt: when, exerciseId: ROW, reps: 8 },
      ],
      muscles,
    );
    expect(week.setsByMuscle).toEqual({ Rhomboids: 0.85, "Biceps brachii": 0.55 });
  });

  it("adds up sets of several exercises in the same week, without floating-point noise", () => {
    const sets = [BENCH, BENCH, BENCH, ROW, ROW].map((exerciseId) => ({ performedAt: at("2025-01-15T18:00:00Z"), exerciseId }));
    const [week] = weeklyMuscleVolume(sets, muscles);
    expect(week.setsByMuscle["Anterior deltoid"]).toBe(1.8);
    expect(week.setsByMuscle["Pectoralis major"]).toBe(2.7);
    expect(week.setsByMuscle.Rhomboids).toBe(1.7);
  });

  it("groups by ISO week, oldest first", () => {
    const weeks = weeklyMuscleVolume(
      [
        { performedAt: at("2025-01-21T18:00:00Z"), exerciseId: ROW },
        { performedAt: at("2025-01-14T18:00:00Z"), exerciseId: BENCH },
        { performedAt: at("2025-01-19T18:00:00Z"), exerciseId: BENCH },
      ],
      muscles,
    );
    expect(weeks.map((w) => [w.week, w.setsByMuscle["Pectoralis major"] ?? 0])).toEqual([
      ["2025-W03", 1.8],
      ["2025-W04", 0],
    ]);
  });

  it("shows a week off as an empty week between trained weeks, unless asked not to", () => {
    const sets = [
      { performedAt: at("2025-01-14T18:00:00Z"), exerciseId: BENCH },
      { performedAt: at("2025-02-04T18:00:00Z"), exerciseId: BENCH },
    ];
    expect(weeklyMuscleVolume(sets, muscles).map((w) => [w.week, Object.keys(w.setsByMuscle).length])).toEqual([
      ["2025-W03", 3],
      ["2025-W04", 0],
      ["2025-W05", 0],
      ["2025-W06", 3],
    ]);
    expect(weeklyMuscleVolume(sets, muscles, { includeEmptyWeeks: false }).map((w) => w.week)).toEqual(["2025-W03", "2025-W06"]);
  });

  it("fills gaps across the turn of the year with the right ISO weeks", () => {
    const weeks = weeklyMuscleVolume(
      [
        { performedAt: at("2025-12-23T18:00:00Z"), exerciseId: BENCH },
        { performedAt: at("2026-01-06T18:00:00Z"), exerciseId: BENCH },
      ],
      muscles,
    );
    expect(weeks.map((w) => [w.week, w.weekStart])).toEqual([
      ["2025-W52", "2025-12-22"],
      ["2026-W01", "2025-12-29"],
      ["2026-W02", "2026-01-05"],
    ]);
  });

  it("does not count sets with no reps, nor exercises with no known muscles", () => {
    const weeks = weeklyMuscleVolume(
      [
        { performedAt: at("2025-01-14T18:00:00Z"), exerciseId: BENCH, reps: 0 },
        { performedAt: at("2025-01-14T18:00:00Z"), exerciseId: 99, reps: 10 },
        { performedAt: at("2025-01-14T18:00:00Z"), exerciseId: ROW, reps: 8 },
      ],
      muscles,
    );
    expect(weeks[0].setsByMuscle).toEqual({ Rhomboids: 0.85, "Biceps brachii": 0.55 });
  });

  it("splits weeks at local midnight even in zones offset by a quarter hour", () => {
    // Kathmandu is UTC+5:45: Monday 00:00 there is Sunday 18:15 UTC.
    const weeks = weeklyMuscleVolume(
      [
        { performedAt: at("2025-01-19T18:14:59Z"), exerciseId: ROW },
        { performedAt: at("2025-01-19T18:15:00Z"), exerciseId: BENCH },
      ],
      muscles,
      { timeZone: "Asia/Kathmandu" },
    );
    expect(weeks.map((w) => [w.week, Object.keys(w.setsByMuscle)])).toEqual([
      ["2025-W03", ["Rhomboids", "Biceps brachii"]],
      ["2025-W04", ["Pectoralis major", "Triceps brachii", "Anterior deltoid"]],
    ]);
  });

  it("returns nothing for no sets", () => {
    expect(weeklyMuscleVolume([], muscles)).toEqual([]);
  });
});

describe("weekly targets", () => {
  it("gives the large prime movers 10-20 sets a week", () => {
    for (const muscle of ["Pectoralis major", "Latissimus dorsi", "Quadriceps", "Hamstrings", "Gluteus maximus"]) {
      expect(weeklyTargetFor(muscle)).toEqual({ min: 10, max: 20 });
    }
  });

  it("has no target for a muscle it does not know", () => {
    expect(weeklyTargetFor("Serratus anterior")).toBeUndefined();
    expect(weeklyTargetFor("toString")).toBeUndefined();
  });

  it("has sensible ranges everywhere", () => {
    for (const { min, max } of Object.values(WEEKLY_SET_TARGETS)) {
      expect(min).toBeGreaterThan(0);
      expect(max).toBeGreaterThan(min);
    }
  });

  it.each([
    [9.9, "below"],
    [10, "within"],
    [15, "within"],
    [20, "within"],
    [20.1, "above"],
  ] as const)("classifies %d sets against 10-20 as %s", (sets, status) => {
    expect(classifyWeeklyVolume(sets, { min: 10, max: 20 })).toBe(status);
  });

  it("lists every targeted muscle for a week, untrained ones as below", () => {
    const report = compareWeekWithTargets({ setsByMuscle: { "Pectoralis major": 12, "Triceps brachii": 17 } });
    expect(report).toHaveLength(Object.keys(WEEKLY_SET_TARGETS).length);
    expect(report.find((r) => r.muscle === "Pectoralis major")?.status).toBe("within");
    expect(report.find((r) => r.muscle === "Triceps brachii")?.status).toBe("above");
    expect(report.find((r) => r.muscle === "Quadriceps")).toMatchObject({ sets: 0, status: "below" });
  });
});

describe("weekToShow", () => {
  const week = (weekStart: string, setsByMuscle: Record<string, number>) => ({ weekStart, setsByMuscle });
  const weeks = [week("2026-11-09", { Quadriceps: 6 }), week("2026-11-16", { Chest: 4 }), week("2026-11-23", {})];

  it("opens on the latest week with training, not an empty this week", () => {
    expect(weekToShow(weeks)?.weekStart).toBe("2026-11-16");
  });

  it("shows the week asked for, even an empty one", () => {
    expect(weekToShow(weeks, "2026-11-23")?.weekStart).toBe("2026-11-23");
    expect(weekToShow(weeks, "2026-11-09")?.weekStart).toBe("2026-11-09");
  });

  it("falls back to the latest week when none has training, or the one asked for is unknown", () => {
    expect(weekToShow([week("2026-11-16", {}), week("2026-11-23", {})], "2020-01-06")?.weekStart).toBe("2026-11-23");
  });
});

describe("weekWindow", () => {
  // Wednesday 12 March 2025, 23:30 UTC: already Thursday in Auckland.
  const now = new Date("2025-03-12T23:30:00Z");
  const week = (weekStart: string, sets = 0): WeeklyMuscleVolume => ({
    week: isoWeekOf(new Date(`${weekStart}T12:00:00Z`)).week,
    weekStart,
    setsByMuscle: sets ? { Chest: sets } : {},
  });

  it("starts reading a day before the first week's Monday", () => {
    const window = weekWindow(now, "UTC", 3);
    expect(window.thisWeek.weekStart).toBe("2025-03-10");
    expect(window.since.toISOString()).toBe("2025-02-23T00:00:00.000Z");
  });

  it("keeps the latest weeks with training, oldest first, and always this week", () => {
    const trained = [week("2025-02-17", 4), week("2025-03-03", 6), week("2025-02-24", 2)];
    expect(
      weekWindow(now, "UTC", 3)
        .weeks(trained)
        .map((w) => w.weekStart),
    ).toEqual(["2025-02-24", "2025-03-03", "2025-03-10"]);
    expect(weekWindow(now, "UTC", 3).weeks(trained).at(-1)).toEqual({ ...isoWeekOf(now), setsByMuscle: {} });
  });

  it("uses this week's training when there is some", () => {
    const thisWeek = week("2025-03-10", 9);
    expect(weekWindow(now, "UTC", 2).weeks([thisWeek])).toEqual([thisWeek]);
  });
});
