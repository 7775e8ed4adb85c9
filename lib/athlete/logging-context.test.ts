import { describe, expect, it } from "vitest";
import { contextFromHistory, loggerHistory, plainRecent } from "./logging-context";

describe("the logger's history, as the browser gets it", () => {
  const rows = [
    { sessionId: 2, startedAt: new Date("2026-11-02T10:00:00Z"), exerciseId: 7, weightKg: 60, reps: 8 },
    { sessionId: 1, startedAt: new Date("2026-11-01T10:00:00Z"), exerciseId: 7, weightKg: 55, reps: 8, rpe: 8 },
  ];

  it("gives last time and the record-holding sets by exercise, every optional value filled in", () => {
    const { previous, recordSets } = loggerHistory(contextFromHistory(rows), (date) => date.toISOString().slice(0, 10));
    const plain = { rpe: null, setType: "normal", seconds: null, distanceM: null };
    expect(previous).toEqual({ 7: { day: "2026-11-02", sets: [{ weightKg: 60, reps: 8, ...plain }] } });
    expect(recordSets[7]).toContainEqual({ weightKg: 60, reps: 8, ...plain });
  });

  it("gives the recent sessions' sets newest first", () => {
    expect(plainRecent(contextFromHistory(rows).recent)[7].map((sets) => sets.map((s) => s.weightKg))).toEqual([[60], [55]]);
  });
});
