import { describe, expect, it } from "vitest";
import { MUSCLES } from "@/db/seed-data/muscles";
import {
  keepLegacyEquipment,
  keepLegacyEquipmentRequired,
  mapLegacyAge,
  mapLegacyDateTime,
  mapLegacyDifficulty,
  mapLegacyEmail,
  mapLegacyExerciseType,
  mapLegacyExperience,
  mapLegacyMuscle,
} from "./legacy-values";

describe("legacy exercise type", () => {
  it.each([
    ["Barbell", "barbell"],
    ["barbell", "barbell"],
    [" BARBELL ", "barbell"],
    ["Dumbbell", "dumbbell"],
    ["dumbbells", "dumbbell"],
    ["DB", "dumbbell"],
    ["Bodyweight", "bodyweight"],
    ["body weight", "bodyweight"],
    ["Body-Weight", "bodyweight"],
    ["Kettlebell", "kettlebell"],
    ["KB", "kettlebell"],
    ["Resistance Band", "band"],
    ["Cables", "cable"],
    ["machine", "machine"],
  ])("maps %j to %s", (legacy, expected) => {
    expect(mapLegacyExerciseType(legacy)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["Sandbag", 'unknown type "Sandbag" (expected barbell, dumbbell, bodyweight, kettlebell, band, cable or machine)'],
    ["", "has no type (expected barbell, dumbbell, bodyweight, kettlebell, band, cable or machine)"],
    [null, "has no type (expected barbell, dumbbell, bodyweight, kettlebell, band, cable or machine)"],
    [3, "type 3 is not text"],
  ])("rejects %j with a reason", (legacy, reason) => {
    expect(mapLegacyExerciseType(legacy)).toEqual({ ok: false, reason });
  });
});

describe("legacy difficulty", () => {
  it.each([
    [1, 1],
    ["2", 2],
    [3, 3],
    ["beginner", 1],
    ["Intermediate", 2],
    ["advanced", 3],
    [null, null],
    [undefined, null],
    ["", null],
  ])("maps %j to %j (missing stays NULL for the exercise backfill)", (legacy, expected) => {
    expect(mapLegacyDifficulty(legacy)).toEqual({ ok: true, value: expected });
  });

  it.each([7, 0, 2.5, "legendary"])("rejects %j", (legacy) => {
    expect(mapLegacyDifficulty(legacy).ok).toBe(false);
  });

  it("names a number held as text the way it names the number (a MySQL varchar column reads as text)", () => {
    expect(mapLegacyDifficulty("7")).toEqual(mapLegacyDifficulty(7));
  });
});

describe("legacy assessment values", () => {
  it.each([
    ["Intermediate", "intermediate"],
    ["novice", "beginner"],
    ["expert", "advanced"],
    [null, null],
  ])("maps experience %j to %j", (legacy, expected) => {
    expect(mapLegacyExperience(legacy)).toEqual({ ok: true, value: expected });
  });

  it("rejects an experience it cannot place", () => {
    expect(mapLegacyExperience("guru")).toEqual({
      ok: false,
      reason: 'experience "guru" is not beginner, intermediate or advanced',
    });
  });

  it.each([
    [27, 27],
    ["34", 34],
    [null, null],
  ])("maps age %j to %j", (legacy, expected) => {
    expect(mapLegacyAge(legacy)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [250, "age 250 is outside 5-120"],
    [4, "age 4 is outside 5-120"],
    ["thirty", 'age "thirty" is not a whole number'],
  ])("rejects age %j", (legacy, reason) => {
    expect(mapLegacyAge(legacy)).toEqual({ ok: false, reason });
  });

  it.each([
    [
      ["basic_equipment", "full_gym"],
      ["basic_equipment", "full_gym"],
    ],
    ["full_gym", "full_gym"],
    [42, 42],
    [null, null],
    [undefined, null],
  ])("keeps equipment %j as the legacy value %j for the equipment migration", (legacy, expected) => {
    expect(keepLegacyEquipment(legacy)).toEqual({ ok: true, value: expected });
  });

  it("reads missing required equipment as none, and keeps any other value as given", () => {
    expect(keepLegacyEquipmentRequired(undefined)).toEqual({ ok: true, value: [] });
    expect(keepLegacyEquipmentRequired(null)).toEqual({ ok: true, value: [] });
    expect(keepLegacyEquipmentRequired("dumbbells")).toEqual({ ok: true, value: "dumbbells" });
  });
});

describe("legacy users and dates", () => {
  it("lower-cases and trims e-mail", () => {
    expect(mapLegacyEmail(" James.Reid@Example.com ")).toEqual({ ok: true, value: "james.reid@example.com" });
  });

  it.each([
    ["", "has no e-mail address (Ironlog signs in by e-mail)"],
    [null, "has no e-mail address (Ironlog signs in by e-mail)"],
    ["james", 'e-mail "james" is not an address'],
  ])("rejects e-mail %j", (legacy, reason) => {
    expect(mapLegacyEmail(legacy)).toEqual({ ok: false, reason });
  });

  it.each([
    ["2021-02-11T18:22:05.114Z", "2021-02-11T18:22:05.114Z"],
    ["2021-06-01T08:30:00", "2021-06-01T08:30:00.000Z"],
    ["2021-06-01T10:30:00+02:00", "2021-06-01T08:30:00.000Z"],
    ["2021-06-01", "2021-06-01T00:00:00.000Z"],
  ])("reads %j (naive datetimes as UTC)", (legacy, iso) => {
    const mapped = mapLegacyDateTime(legacy);
    expect(mapped.ok && mapped.value?.toISOString()).toBe(iso);
  });

  it("leaves a missing date undefined so the column default applies, and rejects nonsense", () => {
    expect(mapLegacyDateTime(undefined)).toEqual({ ok: true, value: undefined });
    expect(mapLegacyDateTime("last tuesday").ok).toBe(false);
    expect(mapLegacyDateTime("2021-02-30T00:00:00Z")).toEqual({
      ok: false,
      reason: 'date "2021-02-30T00:00:00Z" does not exist',
    });
  });
});

describe("legacy muscles", () => {
  it.each([
    ["Chest", "Pectoralis major"],
    ["Quads", "Quadriceps"],
    ["Front Delts", "Anterior deltoid"],
    ["lower back", "Erector spinae"],
    ["Abs", "Rectus abdominis"],
  ])("maps %j onto the library's %j", (legacy, name) => {
    const mapped = mapLegacyMuscle(legacy);
    expect(mapped.ok && mapped.value.name).toBe(name);
  });

  it("rejects a muscle it cannot place", () => {
    expect(mapLegacyMuscle("Spleen")).toEqual({ ok: false, reason: 'unknown muscle "Spleen"' });
    expect(mapLegacyMuscle("legs").ok).toBe(false);
  });

  it("maps only onto muscles of the built-in library, in their regions", () => {
    const library = new Map<string, string>(MUSCLES.map((m) => [m.name, m.region]));
    for (const legacy of [
      "chest",
      "lats",
      "traps",
      "upper back",
      "lower back",
      "front delts",
      "side delts",
      "rear delts",
      "biceps",
      "triceps",
      "brachialis",
      "forearms",
      "quads",
      "hamstrings",
      "glutes",
      "glute medius",
      "adductors",
      "calves",
      "hip flexors",
      "abs",
      "obliques",
    ]) {
      const mapped = mapLegacyMuscle(legacy);
      expect(mapped.ok, legacy).toBe(true);
      if (mapped.ok) expect(library.get(mapped.value.name), legacy).toBe(mapped.value.region);
    }
  });
});
