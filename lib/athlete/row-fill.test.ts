import { describe, expect, it } from "vitest";
import type { LoggedSet } from "@/lib/training/set";
import { blankText, type SetText } from "./logger-state";
import { rowFills } from "./row-fill";

const row = (text: Partial<SetText> = {}) => ({ text: { ...blankText(), ...text } });
const set = (weightKg: number, reps: number, more: Partial<LoggedSet> = {}): LoggedSet => ({ weightKg, reps, ...more });

const lastTime = [set(40, 5, { setType: "warmup" }), set(95, 5), set(95, 5), set(90, 6)];

describe("each row's last time and fill", () => {
  it("matches a working row with last time's working set of the same rank, never with a warm-up", () => {
    const fills = rowFills(
      [row({ setType: "warmup", weightKg: "30", reps: "8" }), row(), row(), row(), row()],
      lastTime,
      null,
      "kg",
      "reps_load",
    );
    expect(fills.map((f) => f.previous)).toEqual([
      { weightKg: "40", reps: "5" },
      { weightKg: "95", reps: "5" },
      { weightKg: "95", reps: "5" },
      { weightKg: "90", reps: "6" },
      { weightKg: "90", reps: "6" },
    ]);
  });

  it("shows no last time for a warm-up row when last time had no warm-up", () => {
    const fills = rowFills([row({ setType: "warmup", weightKg: "30", reps: "8" }), row()], [set(95, 5)], null, "kg", "reps_load");
    expect(fills[0].previous).toBeNull();
    expect(fills[1].previous).toEqual({ weightKg: "95", reps: "5" });
  });

  it("fills the first working row from last time's matching set, and each next one from the set before it", () => {
    const fills = rowFills(
      [row({ weightKg: "100", reps: "8" }), row(), row({ reps: "6" }), row()],
      lastTime,
      null,
      "kg",
      "reps_load",
    );
    expect(fills.map((f) => f.fill)).toEqual([
      { weightKg: "95", reps: "5" },
      { weightKg: "100", reps: "8" },
      { weightKg: "100", reps: "8" },
      { weightKg: "100", reps: "6" },
    ]);
  });

  it("fills the first working row from today's suggestion when there is one, not from a warm-up above it", () => {
    const fills = rowFills(
      [row({ setType: "warmup", weightKg: "60", reps: "5" }), row(), row()],
      lastTime,
      { weightKg: "97.5", reps: "5" },
      "kg",
      "reps_load",
    );
    expect(fills[1].fill).toEqual({ weightKg: "97.5", reps: "5" });
    expect(fills[2].fill).toEqual({ weightKg: "97.5", reps: "5" });
  });

  it("shows times and distances as the fields take them, in the athlete's units", () => {
    const run = [set(0, 0, { seconds: 1500, distanceM: 8046.72 })];
    expect(rowFills([row()], run, null, "lb", "distance_time")[0].fill).toEqual({
      weightKg: "",
      reps: "",
      seconds: "25:00",
      distanceM: "5",
    });
    expect(rowFills([row()], run, null, "kg", "distance_time")[0].fill).toMatchObject({ distanceM: "5 mi" });
    // A carry is typed in metres.
    expect(rowFills([row()], [set(32, 0, { distanceM: 40 })], null, "lb", "distance")[0].fill).toMatchObject({
      distanceM: "40",
    });
  });

  it("leaves a missed attempt's reps blank rather than filling 0", () => {
    expect(rowFills([row()], [set(85, 0, { missed: true })], null, "kg", "reps_load")[0].fill).toEqual({
      weightKg: "85",
      reps: "",
    });
  });

  it("fills nothing without a set before, a suggestion or a last time", () => {
    expect(rowFills([row(), row()], [], null, "kg", "reps_load").map((f) => f.fill)).toEqual([null, null]);
  });
});
