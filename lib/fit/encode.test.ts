import { describe, expect, it } from "vitest";
import { Decoder, Stream } from "@garmin/fitsdk";
import type { SetType } from "@/lib/training/types";
import type { ExerciseMeasure } from "@/lib/training/types";
import { encodeWorkoutFit, workoutFitFileName } from "./encode";
import type { FitSet, FitWorkout } from "./messages";

type Decoded = Record<string, Record<string, unknown>[] | undefined>;

/** The file read back with the SDK's own decoder, after its integrity check (header, size, CRC). */
function decode(bytes: Uint8Array): Decoded {
  const decoder = new Decoder(Stream.fromByteArray(Array.from(bytes)));
  expect(decoder.checkIntegrity()).toBe(true);
  const { messages, errors } = decoder.read();
  expect(errors).toEqual([]);
  return messages as unknown as Decoded;
}

/** FIT keeps a set's weight in 1/16 kg. */
const fitKg = (kg: number) => Math.round(kg * 16) / 16;

function set(exerciseId: number, exerciseName: string, values: Partial<FitSet> = {}): FitSet {
  return {
    exerciseId,
    exerciseName,
    measure: "reps_load" as ExerciseMeasure,
    weightKg: 0,
    reps: 0,
    rpe: null,
    missed: false,
    setType: "normal" as SetType,
    seconds: null,
    distanceM: null,
    ...values,
  };
}

const START = new Date("2026-03-05T17:02:11.250Z");
function workout(sets: FitSet[], durationSeconds: number | null = 3600): FitWorkout {
  return {
    id: 42,
    name: "Push day",
    startedAt: START,
    finishedAt: new Date(START.getTime() + 3_700_000),
    durationSeconds,
    updatedAt: new Date("2026-03-05T18:10:00Z"),
    sets,
  };
}

/** Thirty sets: warm-ups, working sets in kilograms and converted pounds, a drop set, a missed attempt. */
const EXERCISES = [
  "Barbell Bench Press",
  "Barbell Back Squat",
  "Deadlift",
  "Barbell Bent-Over Row",
  "Dumbbell Curl",
  "My Own Press",
];
const THIRTY: FitSet[] = Array.from({ length: 30 }, (_, i) => {
  const e = Math.floor(i / 5);
  return set(e + 1, EXERCISES[e], {
    weightKg: [60, 102.5, 22.68, 140.61, 0][i % 5],
    reps: (i % 7) + 1,
    setType: i % 5 === 0 ? "warmup" : i === 13 ? "drop" : "normal",
    missed: i === 19,
    rpe: i % 3 === 0 ? 8.5 : null,
  });
});

describe("a workout as a FIT file", () => {
  it("holds the file id, sport, laps, session and activity of a strength session", () => {
    const m = decode(encodeWorkoutFit(workout(THIRTY), "kg"));
    expect(m.fileIdMesgs).toEqual([
      expect.objectContaining({
        type: "activity",
        manufacturer: "development",
        serialNumber: 42,
        timeCreated: new Date("2026-03-05T18:10:00Z"),
      }),
    ]);
    expect(m.sportMesgs).toEqual([expect.objectContaining({ sport: "training", subSport: "strengthTraining" })]);
    expect(m.sessionMesgs).toEqual([
      expect.objectContaining({
        sport: "training",
        subSport: "strengthTraining",
        startTime: new Date("2026-03-05T17:02:11Z"),
        timestamp: new Date("2026-03-05T18:02:11Z"),
        totalElapsedTime: 3600,
        totalTimerTime: 3600,
        numLaps: 6,
      }),
    ]);
    // One lap per exercise, back to back from the session's start to its end.
    const laps = m.lapMesgs!;
    expect(laps).toHaveLength(6);
    expect(laps[0].startTime).toEqual(new Date("2026-03-05T17:02:11Z"));
    expect(laps.at(-1)!.timestamp).toEqual(new Date("2026-03-05T18:02:11Z"));
    laps.slice(1).forEach((lap, i) => expect(lap.startTime).toEqual(laps[i].timestamp));
    expect(laps.reduce((sum, l) => sum + (l.totalElapsedTime as number), 0)).toBe(3600);
    expect(m.activityMesgs).toEqual([expect.objectContaining({ numSessions: 1, totalTimerTime: 3600, type: "manual" })]);
  });

  it("writes every set's repetitions and weight in the session's order, with rests between them", () => {
    const m = decode(encodeWorkoutFit(workout(THIRTY), "lb"));
    const all = m.setMesgs!;
    const active = all.filter((s) => s.setType === "active");
    expect(active).toHaveLength(30);
    expect(active.map((s) => [s.repetitions, s.weight])).toEqual(
      // A missed attempt is written with 0 repetitions: the bar did not go up.
      THIRTY.map((s) => [s.missed ? 0 : s.reps, fitKg(s.weightKg)]),
    );
    expect(active.every((s) => s.weightDisplayUnit === "pound")).toBe(true);
    // Active and rest alternate, in time order, each starting where the one before ended.
    expect(all.map((s) => s.setType)).toEqual(Array.from({ length: 59 }, (_, i) => (i % 2 ? "rest" : "active")));
    all.slice(1).forEach((s, i) => expect(s.startTime).toEqual(all[i].timestamp));
    expect(all.map((s) => s.messageIndex)).toEqual(all.map((_, i) => i));
  });

  it("gives sets FIT's exercise category and name, marks warm-ups with the warm-up category, and leaves the unknown unset", () => {
    const active = decode(encodeWorkoutFit(workout(THIRTY), "kg")).setMesgs!.filter((s) => s.setType === "active");
    expect(active[0]).toMatchObject({ category: ["warmUp", "benchPress"], categorySubtype: [null, 1] });
    expect(active[1]).toMatchObject({ category: ["benchPress"], categorySubtype: [1] });
    expect(active[6]).toMatchObject({ category: ["squat"] });
    expect(active[26]).not.toHaveProperty("category");
    expect(active[25]).toMatchObject({ category: ["warmUp"] });
    expect(active[25]).not.toHaveProperty("categorySubtype");
  });

  it("makes each timed or distance set a lap with its own time and distance", () => {
    const sets = [
      set(1, "Rowing Machine", { measure: "distance_time", seconds: 480, distanceM: 2000 }),
      set(1, "Rowing Machine", { measure: "distance_time", seconds: 500, distanceM: 2000.5 }),
      set(2, "Plank", { measure: "time", seconds: 60, setType: "warmup" }),
      set(2, "Plank", { measure: "time", seconds: 90 }),
      set(3, "Farmer's Carry", { measure: "distance", weightKg: 32, distanceM: 40 }),
      set(4, "Barbell Bench Press", { weightKg: 80, reps: 5 }),
      set(4, "Barbell Bench Press", { weightKg: 80, reps: 5 }),
    ];
    const m = decode(encodeWorkoutFit(workout(sets, 2400), "kg"));
    const laps = m.lapMesgs!;
    expect(laps).toHaveLength(6);
    expect(laps.map((l) => l.totalTimerTime)).toEqual([480, 500, 60, 90, 30, laps[5].totalElapsedTime]);
    expect(laps.map((l) => l.totalDistance ?? null)).toEqual([2000, 2000.5, null, null, 40, null]);
    expect(laps[0].avgSpeed).toBeCloseTo(2000 / 480, 3);
    expect(laps.map((l) => l.intensity)).toEqual(["active", "active", "warmup", "active", "active", "active"]);
    expect(m.sessionMesgs![0]).toMatchObject({ totalDistance: 4040.5, totalElapsedTime: 2400, numLaps: 6 });
    const active = m.setMesgs!.filter((s) => s.setType === "active");
    expect(active.map((s) => s.duration)).toEqual([480, 500, 60, 90, 30, 20, 20]);
    expect(active.map((s) => [s.repetitions, s.weight])).toEqual(sets.map((s) => [s.reps, s.weightKg]));
  });

  it("gives the same bytes for the same workout", () => {
    const a = encodeWorkoutFit(workout(THIRTY), "kg");
    const b = encodeWorkoutFit(workout(THIRTY.map((s) => ({ ...s }))), "kg");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // An edit is a new file: its creation time is the session's last change.
    const edited = encodeWorkoutFit({ ...workout(THIRTY), updatedAt: new Date("2026-03-06T08:00:00Z") }, "kg");
    expect(Buffer.from(edited).equals(Buffer.from(a))).toBe(false);
  });

  it("writes a finished session with no sets as one lap", () => {
    const m = decode(encodeWorkoutFit(workout([], 900), "kg"));
    expect(m.lapMesgs).toHaveLength(1);
    expect(m.setMesgs).toBeUndefined();
    expect(m.sessionMesgs![0]).toMatchObject({ totalElapsedTime: 900, numLaps: 1 });
  });

  it("names the file by the workout's day and name", () => {
    expect(workoutFitFileName({ id: 7, name: "Push Day: Heavy / Bench!", startedAt: START })).toBe(
      "2026-03-05-push-day-heavy-bench-7.fit",
    );
    expect(workoutFitFileName({ id: 8, name: "——", startedAt: START })).toBe("2026-03-05-workout-8.fit");
  });
});
