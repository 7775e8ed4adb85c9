import { describe, expect, it } from "vitest";
import { type DetectedFormat, HEVY_HEADER_KG, IRONLOG_HEADER, STRONG_HEADER, STRONG_LEGACY_HEADER } from "./formats";
import { readRow } from "./rows";
import { FITNOTES_WORKOUT_NAME } from "./fitnotes";
import { isRestTimerRow } from "./strong";
import { groupWorkouts, summarise } from "./workouts";

const strong: DetectedFormat = { format: "strong", delimiter: "," };
const legacy: DetectedFormat = { format: "strong_legacy", delimiter: ";" };
const hevy: DetectedFormat = { format: "hevy", delimiter: ",", hevyUnits: { weight: "kg", distance: "km" } };
const ironlog: DetectedFormat = { format: "ironlog", delimiter: "," };
const record = (header: readonly string[], cells: string[]) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));

describe("reading a Strong row", () => {
  const row = (cells: string[]) => readRow(record(STRONG_HEADER, cells), 2, { detected: strong, timeZone: "Europe/Berlin" });

  it("reads a set, its workout and its times in the athlete's zone, and leaves the unit to ask for", () => {
    expect(
      row([
        "2024-03-05 18:02:11",
        "Push Day",
        "1h 5m",
        "Bench Press (Barbell)",
        "1",
        "80",
        "8",
        "",
        "",
        "felt good",
        "Great session",
        "8",
      ]),
    ).toEqual({
      ok: true,
      set: {
        line: 2,
        workoutName: "Push Day",
        startedAt: new Date("2024-03-05T17:02:11Z"),
        durationSeconds: 3900,
        workoutNotes: "Great session",
        exerciseName: "Bench Press (Barbell)",
        exerciseNotes: "felt good",
        setIndex: 1,
        setType: "normal",
        supersetId: null,
        weight: 80,
        weightUnit: null,
        reps: 8,
        distance: null,
        distanceUnit: null,
        seconds: null,
        rpe: 8,
        notes: null,
        missed: false,
      },
    });
  });

  it("reads a timed set and a distance, and a warm-up marked W", () => {
    expect(row(["2024-03-05 18:02:11", "Core", "30m", "Plank", "1", "", "", "", "60", "", "", ""])).toMatchObject({
      ok: true,
      set: { seconds: 60, reps: null },
    });
    expect(row(["2024-03-05 18:02:11", "Carry", "30m", "Farmers Walk", "1", "32", "", "40", "", "", "", ""])).toMatchObject({
      ok: true,
      set: { distance: 40 },
    });
    expect(
      row(["2024-03-05 18:02:11", "Push", "30m", "Bench Press (Barbell)", "W", "40", "10", "", "", "", "", ""]),
    ).toMatchObject({ ok: true, set: { setType: "warmup" } });
  });

  it.each([
    [["05/03/2024", "Push", "1h", "Bench", "1", "80", "8"], "The date “05/03/2024” is not in the form 2024-03-05 18:02:11."],
    [["2024-03-05 18:02:11", "Push", "1h", "Bench", "1", "eighty", "8"], "Weight “eighty” is not a number."],
    [["2024-03-05 18:02:11", "Push", "1h", "Bench", "1", "80", "8.5"], "Reps 8.5 is not a whole number."],
    [["2024-03-05 18:02:11", "Push", "1h", "Bench", "1", "80", "8", "", "", "", "", "11"], "RPE 11 is outside 1–10."],
    [["2024-03-05 18:02:11", "", "1h", "Bench", "1", "80", "8"], "Workout Name is missing."],
  ])("refuses %j: %s", (cells, reason) => {
    expect(row(cells)).toEqual({ ok: false, line: 2, reason });
  });

  it.each([
    ["F", "315", "0", { setType: "failure", missed: true, weight: 315, reps: 0 }],
    ["FAILURE", "100", "", { setType: "failure", missed: true, weight: 100, reps: null }],
    ["F", "100", "3", { setType: "failure", missed: false, reps: 3 }],
    ["WARM_UP", "40", "10", { setType: "warmup", missed: false }],
    ["1", "120", "", { setType: "normal", missed: false, weight: 120, reps: null }],
  ])("reads Set Order %s with %s × %j as %j", (order, weight, reps, expected) => {
    expect(row(["2024-03-05 18:02:11", "Push", "1h", "Bench", order, weight, reps])).toMatchObject({ ok: true, set: expected });
  });
});

describe("telling rest-timer rows from sets", () => {
  it.each([
    ["Rest Timer", strong, true],
    ["Ruhezeit", strong, true],
    ["1", strong, false],
    ["Rest Timer", hevy, false],
  ] as const)("Set Order %j in a %o file: %s", (order, detected, expected) => {
    expect(isRestTimerRow(record(STRONG_HEADER, ["2024-03-05 18:02:11", "Push", "1h", "Bench", order]), { detected })).toBe(
      expected,
    );
  });
});

describe("reading a Strong row whose header names its units", () => {
  const detected: DetectedFormat = {
    format: "strong",
    delimiter: ";",
    units: { weight: "kg", distance: "m" },
    durationInSeconds: true,
  };
  it("takes the units from the header and the duration in seconds", () => {
    const cells = record(
      ["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps", "Distance"],
      ["2020-01-20 11:43:41", "Hypertrophy 1", "3324", "Push Up", "1", "65.181223569", "8", "400"],
    );
    expect(readRow(cells, 2, { detected, timeZone: "UTC" })).toMatchObject({
      ok: true,
      set: { durationSeconds: 3324, weight: 65.181223569, weightUnit: "kg", distance: 400, distanceUnit: "m" },
    });
  });
});

describe("reading a FitNotes row", () => {
  const fitnotes: DetectedFormat = { format: "fitnotes", delimiter: ",", units: { weight: "lb" } };
  const header = ["Date", "Exercise", "Category", "Weight", "Reps", "Distance", "Distance Unit", "Time"];
  it("places the day's sets at noon in the athlete's zone, the unit from the header", () => {
    expect(
      readRow(record(header, ["2017-06-23", "Pushups", "Chest", "20.0", "22", "", "", ""]), 2, {
        detected: fitnotes,
        timeZone: "Europe/Berlin",
      }),
    ).toMatchObject({
      ok: true,
      set: {
        workoutName: FITNOTES_WORKOUT_NAME,
        startedAt: new Date("2017-06-23T10:00:00Z"),
        exerciseName: "Pushups",
        weight: 20,
        weightUnit: "lb",
        reps: 22,
      },
    });
  });
  it("reads a run's distance and its h:mm:ss time", () => {
    expect(
      readRow(record(header, ["2017-06-23", "Running (Treadmill)", "Cardio", "", "", "1.23", "mi", "0:09:21"]), 2, {
        detected: fitnotes,
        timeZone: "UTC",
      }),
    ).toMatchObject({ ok: true, set: { distance: 1.23, distanceUnit: "mi", seconds: 561 } });
  });
});

describe("reading Strong's older semicolon row", () => {
  it("takes the units from the row", () => {
    const cells = ["2019-06-01 09:00:00", "Legs", "Squat (Barbell)", "2", "225", "lbs", "5", "", "", "", "", "", ""];
    expect(readRow(record(STRONG_LEGACY_HEADER, cells), 3, { detected: legacy, timeZone: "UTC" })).toMatchObject({
      ok: true,
      set: { weight: 225, weightUnit: "lb", reps: 5, setIndex: 2, durationSeconds: null },
    });
  });
});

describe("reading a Hevy row", () => {
  it("reads its dates, set types, supersets and units, counting sets from 1", () => {
    const cells = [
      "Upper",
      "5 Mar 2024, 18:02",
      "5 Mar 2024, 19:10",
      "",
      "Bench Press (Barbell)",
      "0",
      "",
      "1",
      "dropset",
      "60",
      "12",
      "",
      "",
      "",
    ];
    expect(readRow(record(HEVY_HEADER_KG, cells), 4, { detected: hevy, timeZone: "UTC" })).toMatchObject({
      ok: true,
      set: {
        startedAt: new Date("2024-03-05T18:02:00Z"),
        durationSeconds: 4080,
        setIndex: 2,
        setType: "drop",
        supersetId: "0",
        weight: 60,
        weightUnit: "kg",
      },
    });
  });

  it("says which set types it knows", () => {
    const cells = ["Upper", "5 Mar 2024, 18:02", "", "", "Bench", "", "", "0", "rest-pause", "60", "12", "", "", ""];
    expect(readRow(record(HEVY_HEADER_KG, cells), 4, { detected: hevy, timeZone: "UTC" })).toEqual({
      ok: false,
      line: 4,
      reason: "Set type “rest-pause” is not normal, warmup, dropset or failure.",
    });
  });
});

describe("reading Ironlog's own row", () => {
  it("reads the time in the zone the file names, and the set type and superset", () => {
    const cells = [
      "2024-07-05 18:00:00",
      "Push",
      "45m",
      "Barbell Bench Press",
      "1",
      "100",
      "5",
      "",
      "",
      "",
      "",
      "8",
      "kg",
      "",
      "warmup",
      "a",
      "America/New_York",
    ];
    expect(readRow(record(IRONLOG_HEADER, cells), 2, { detected: ironlog, timeZone: "UTC" })).toMatchObject({
      ok: true,
      set: { startedAt: new Date("2024-07-05T22:00:00Z"), setType: "warmup", supersetId: "a", weightUnit: "kg" },
    });
  });
  it("reads a set's own note, its exercise's note and a missed attempt", () => {
    const cells = [
      "2024-07-05 18:00:00",
      "Legs",
      "1h",
      "Squat",
      "3",
      "200",
      "0",
      "",
      "",
      "grip",
      "",
      "",
      "kg",
      "",
      "normal",
      "",
      "UTC",
    ];
    expect(
      readRow(record(IRONLOG_HEADER, [...cells, "belt on", "yes"]), 2, { detected: ironlog, timeZone: "UTC" }),
    ).toMatchObject({ ok: true, set: { notes: "grip", exerciseNotes: "belt on", missed: true, weight: 200 } });
  });
});

describe("groupWorkouts", () => {
  const set = (line: number, workoutName: string, startedAt: string, exerciseName: string, setIndex: number) => {
    const result = readRow(
      record(STRONG_HEADER, [startedAt, workoutName, "1h", exerciseName, String(setIndex), "50", "10"]),
      line,
      { detected: strong, timeZone: "UTC" },
    );
    if (!result.ok) throw new Error(result.reason);
    return result.set;
  };

  it("gathers rows into workouts by start time and name, exercises in file order", () => {
    const workouts = groupWorkouts([
      set(2, "Push", "2024-03-05 18:00:00", "Bench", 1),
      set(3, "Push", "2024-03-05 18:00:00", "Bench", 2),
      set(4, "Push", "2024-03-05 18:00:00", "Dip", 1),
      set(5, "Pull", "2024-03-03 18:00:00", "Row", 1),
    ]);
    expect(workouts.map((w) => [w.name, w.exercises.map((e) => [e.name, e.sets.length])])).toEqual([
      ["Pull", [["Row", 1]]],
      [
        "Push",
        [
          ["Bench", 2],
          ["Dip", 1],
        ],
      ],
    ]);
    expect(summarise(workouts)).toEqual({
      workouts: 2,
      sets: 4,
      exercises: ["Bench", "Dip", "Row"],
      from: new Date("2024-03-03T18:00:00Z"),
      to: new Date("2024-03-05T18:00:00Z"),
    });
  });

  it("keeps an exercise trained twice, apart, as two entries", () => {
    const workouts = groupWorkouts([
      set(2, "Push", "2024-03-05 18:00:00", "Bench", 1),
      set(3, "Push", "2024-03-05 18:00:00", "Dip", 1),
      set(4, "Push", "2024-03-05 18:00:00", "Bench", 1),
    ]);
    expect(workouts[0].exercises.map((e) => e.name)).toEqual(["Bench", "Dip", "Bench"]);
  });
});
