import { describe, expect, it } from "vitest";
import {
  dailyRecords,
  type HistorySet,
  oneRepMaxSeries,
  recordEvents,
  sessionBestKind,
  sessionBestSeries,
} from "./record-events";

const day = (n: number) => new Date(Date.UTC(2025, 0, n, 18));
const set = (
  sessionId: number,
  n: number,
  weightKg: number,
  reps: number,
  rpe: number | null = null,
  exerciseId = 1,
): HistorySet => ({
  sessionId,
  exerciseId,
  performedAt: day(n),
  weightKg,
  reps,
  rpe,
});

describe("oneRepMaxSeries", () => {
  it("charts each session's best estimate and names its formula", () => {
    const series = oneRepMaxSeries([set(1, 1, 100, 5), set(1, 1, 100, 3), set(2, 4, 100, 5, 8)]);
    expect(series.map((p) => [p.sessionId, p.estimateKg, p.formula])).toEqual([
      [1, 112.5, "Brzycki"],
      [2, 120, "Brzycki, adjusted for RPE 8"],
    ]);
  });

  it("leaves out sets too long to estimate from, and bodyweight sets", () => {
    expect(oneRepMaxSeries([set(1, 1, 40, 25), set(2, 2, 0, 10)])).toEqual([]);
  });

  it("orders points by date whatever the input order", () => {
    expect(oneRepMaxSeries([set(2, 5, 100, 5), set(1, 1, 90, 5)]).map((p) => p.sessionId)).toEqual([1, 2]);
  });
});

describe("recordEvents", () => {
  it("lists sets that beat an earlier best, not first attempts", () => {
    const events = recordEvents([set(1, 1, 100, 5), set(1, 1, 90, 5), set(2, 3, 105, 5), set(3, 5, 100, 5)]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ sessionId: 2, set: { weightKg: 105, reps: 5 } });
    expect(events[0].records.map((r) => [r.kind, r.previous])).toEqual([
      ["heaviest_weight", 100],
      ["best_estimated_one_rep_max", 112.5],
      ["best_set_volume", 500],
    ]);
  });

  it("keeps each exercise's records apart", () => {
    const events = recordEvents([set(1, 1, 100, 5, null, 1), set(1, 1, 50, 5, null, 2), set(2, 3, 60, 5, null, 2)]);
    expect(events.map((e) => e.exerciseId)).toEqual([2]);
  });

  it("compares a second heavier set of the same session with the first", () => {
    const events = recordEvents([set(1, 1, 20, 8), set(1, 1, 22.5, 8), set(1, 1, 25, 8)]);
    expect(events.map((e) => e.set.weightKg)).toEqual([22.5, 25]);
  });

  it("finds no record in a warm-up, and leaves it out of the 1RM chart", () => {
    const warmup = { ...set(1, 1, 30, 8), setType: "warmup" as const };
    const events = recordEvents([set(1, 1, 20, 8), warmup, set(1, 1, 22.5, 8)]);
    expect(events.map((e) => e.set.weightKg)).toEqual([22.5]);
    expect(oneRepMaxSeries([set(1, 1, 20, 8), warmup]).map((p) => p.set.weightKg)).toEqual([20]);
  });

  it("finds no record in a missed attempt, measures later sets without it, and leaves it out of the 1RM chart", () => {
    const missed = { ...set(2, 2, 85, 3), missed: true };
    const events = recordEvents([set(1, 1, 80, 3), missed, set(3, 3, 82.5, 3)]);
    expect(events.map((e) => e.set.weightKg)).toEqual([82.5]);
    expect(oneRepMaxSeries([set(1, 1, 80, 3), missed]).map((p) => p.sessionId)).toEqual([1]);
    expect(sessionBestSeries([{ ...set(1, 1, 0, 0), seconds: 60, missed: true }], "longest_hold")).toEqual([]);
  });

  it("lists a longer hold and a longer carry as records", () => {
    const hold = (n: number, seconds: number) => ({ ...set(n, n, 0, 0), seconds });
    expect(recordEvents([hold(1, 40), hold(2, 45)]).map((e) => e.records.map((r) => r.kind))).toEqual([["longest_hold"]]);
  });
});

describe("dailyRecords", () => {
  it("shows one record per kind per exercise per day: the day's best, against the best before that day", () => {
    // Day 1 sets the baseline; on day 4 the second set beats the first, which beat day 1.
    const events = recordEvents([set(1, 1, 100, 5), set(2, 4, 105, 5), set(2, 4, 110, 5)]);
    expect(events.filter((e) => e.records.some((r) => r.kind === "heaviest_weight"))).toHaveLength(2);
    const daily = dailyRecords(events, "UTC");
    const heaviest = daily.flatMap((e) => e.records.filter((r) => r.kind === "heaviest_weight"));
    expect(heaviest).toEqual([expect.objectContaining({ value: 110, previous: 100 })]);
    expect(daily.every((e) => e.set.weightKg === 110)).toBe(true);
  });

  it("keeps records of different exercises, and of different days, apart", () => {
    const events = recordEvents([
      set(1, 1, 100, 5),
      set(1, 1, 50, 5, null, 2),
      set(2, 4, 105, 5),
      set(2, 4, 55, 5, null, 2),
      set(3, 6, 110, 5),
    ]);
    const daily = dailyRecords(events, "UTC");
    expect(daily.map((e) => [e.exerciseId, e.set.weightKg])).toEqual([
      [1, 105],
      [2, 55],
      [1, 110],
    ]);
  });

  it("reads the day in the athlete's time zone", () => {
    // 23:30 and 00:30 UTC are one evening in New York.
    const late = { ...set(2, 4, 105, 5), performedAt: new Date(Date.UTC(2025, 0, 4, 23, 30)) };
    const later = { ...set(3, 5, 110, 5), performedAt: new Date(Date.UTC(2025, 0, 5, 0, 30)) };
    const events = recordEvents([set(1, 1, 100, 5), late, later]);
    expect(dailyRecords(events, "UTC").filter((e) => e.records.some((r) => r.kind === "heaviest_weight"))).toHaveLength(2);
    expect(
      dailyRecords(events, "America/New_York").filter((e) => e.records.some((r) => r.kind === "heaviest_weight")),
    ).toHaveLength(1);
  });
});

describe("sessionBestSeries", () => {
  const timed = (sessionId: number, n: number, values: Partial<HistorySet>): HistorySet => ({
    ...set(sessionId, n, 0, 0),
    ...values,
  });

  it("charts a timed exercise by its longest hold, a distance by its longest, and distance with time by pace", () => {
    expect(sessionBestKind("time")).toBe("longest_hold");
    expect(sessionBestKind("distance")).toBe("longest_distance");
    expect(sessionBestKind("distance_time")).toBe("best_pace");
    expect(sessionBestKind("reps_load")).toBeNull();
    expect(sessionBestKind("reps")).toBeNull();
  });

  it("keeps each session's best set, oldest session first, warm-ups aside", () => {
    const sets = [
      timed(2, 3, { seconds: 50 }),
      timed(1, 1, { seconds: 45 }),
      timed(1, 1, { seconds: 60 }),
      timed(2, 3, { seconds: 90, setType: "warmup" }),
      timed(3, 5, { seconds: 0 }),
    ];
    expect(sessionBestSeries(sets, "longest_hold").map((p) => [p.sessionId, p.value])).toEqual([
      [1, 60],
      [2, 50],
    ]);
  });

  it("takes the fastest pace, not the longest run", () => {
    const sets = [timed(1, 1, { distanceM: 10_000, seconds: 3000 }), timed(1, 1, { distanceM: 5000, seconds: 1200 })];
    const [point] = sessionBestSeries(sets, "best_pace");
    expect(point.value).toBeCloseTo(5000 / 1200);
    expect(point.set.distanceM).toBe(5000);
    expect(sessionBestSeries(sets, "longest_distance")[0].value).toBe(10_000);
  });
});
