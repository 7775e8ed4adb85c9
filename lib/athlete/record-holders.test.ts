import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectPersonalRecords, personalBests } from "@/lib/training/records";
import type { LoggedSet } from "@/lib/training/set";
import { recordHolders } from "./record-holders";

const loggedSet = fc.record({
  weightKg: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 1200 }).map((n) => n / 4),
  ),
  reps: fc.integer({ min: 0, max: 30 }),
  missed: fc.boolean(),
  rpe: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 12, max: 20 }).map((n) => n / 2),
  ),
});

describe("recordHolders", () => {
  it("keeps at most one set per record kind", () => {
    const sets: LoggedSet[] = [
      { weightKg: 100, reps: 1 },
      { weightKg: 90, reps: 8 },
      { weightKg: 40, reps: 30 },
      { weightKg: 60, reps: 5 },
    ];
    expect(recordHolders(sets)).toEqual([
      { weightKg: 100, reps: 1 },
      { weightKg: 90, reps: 8 },
      { weightKg: 40, reps: 30 },
    ]);
  });

  it("never keeps a missed attempt", () => {
    expect(
      recordHolders([
        { weightKg: 100, reps: 3, missed: true },
        { weightKg: 90, reps: 3 },
      ]),
    ).toEqual([{ weightKg: 90, reps: 3 }]);
  });

  it("returns nothing for bodyweight-only history", () => {
    expect(recordHolders([{ weightKg: 0, reps: 12 }])).toEqual([]);
  });

  it("has the same personal bests as the whole history", () => {
    fc.assert(
      fc.property(fc.array(loggedSet, { maxLength: 40 }), (sets) => {
        expect(personalBests(recordHolders(sets))).toEqual(personalBests(sets));
      }),
    );
  });

  it("detects exactly the records the whole history would", () => {
    fc.assert(
      fc.property(fc.array(loggedSet, { maxLength: 40 }), loggedSet, (sets, next) => {
        expect(detectPersonalRecords(recordHolders(sets), next)).toEqual(detectPersonalRecords(sets, next));
      }),
    );
  });
});
