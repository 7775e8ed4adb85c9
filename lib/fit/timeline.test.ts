import { describe, expect, it } from "vitest";
import { spreadSets, workSeconds } from "./timeline";

const START = new Date("2026-03-05T17:00:00.400Z");
const S = Math.floor(START.getTime() / 1000);
const session = (durationSeconds: number | null, finishedAfter: number | null = null) => ({
  startedAt: START,
  finishedAt: finishedAfter === null ? null : new Date(START.getTime() + finishedAfter * 1000),
  durationSeconds,
});
const reps = (n: number) => ({ reps: n, seconds: null });

describe("spreading sets over a session", () => {
  it("takes a set's own time, else 4 s a rep within 10 s and 2 min, else 30 s", () => {
    expect(workSeconds({ reps: 0, seconds: 60 })).toBe(60);
    expect(workSeconds(reps(5))).toBe(20);
    expect(workSeconds(reps(1))).toBe(10);
    expect(workSeconds(reps(100))).toBe(120);
    expect(workSeconds(reps(0))).toBe(30);
  });

  it("starts the first set with the session, ends the last with it, and shares the rest evenly", () => {
    const t = spreadSets(session(3600), [reps(5), reps(5), reps(5), reps(5)]);
    expect(t.start).toBe(S);
    expect(t.end).toBe(S + 3600);
    expect(t.sets[0].start).toBe(S);
    expect(t.sets.at(-1)!.end).toBe(S + 3600);
    const rests = t.sets.slice(1).map((s, i) => s.start - t.sets[i].end);
    // 3600 - 4 × 20 = 3520 s of rest over 3 gaps: the earlier gaps take the odd second.
    expect(rests).toEqual([1174, 1173, 1173]);
    expect(t.sets.map((s) => s.end - s.start)).toEqual([20, 20, 20, 20]);
  });

  it("uses finish minus start when no duration is stored", () => {
    const t = spreadSets(session(null, 600), [reps(5), reps(5)]);
    expect(t.end - t.start).toBe(600);
  });

  it("shortens the work in proportion, with no rest, when it does not fit the duration", () => {
    const t = spreadSets(session(100), [
      { reps: 0, seconds: 300 },
      { reps: 0, seconds: 100 },
    ]);
    expect(t.sets.map((s) => s.end - s.start)).toEqual([75, 25]);
    expect(t.sets[1].start).toBe(t.sets[0].end);
    expect(t.sets[1].end).toBe(t.end);
  });

  it("lasts the work plus 90 s rests when the duration is unknown or too short for its sets", () => {
    for (const s of [session(null), session(1)]) {
      const t = spreadSets(s, [reps(5), reps(5), reps(5)]);
      expect(t.end - t.start).toBe(3 * 20 + 2 * 90);
      expect(t.sets[1].start - t.sets[0].end).toBe(90);
    }
  });

  it("puts a single set at the start, and a session with no sets is its duration alone", () => {
    expect(spreadSets(session(900), [reps(3)]).sets).toEqual([{ start: S, end: S + 12 }]);
    expect(spreadSets(session(900), [])).toEqual({ start: S, end: S + 900, sets: [] });
  });
});
