import { describe, expect, it } from "vitest";
import { DJANGO_PBKDF2_FIXTURES } from "@/test/django-password-fixtures";
import type { ExistingData } from "@/lib/legacy-import/legacy-plan";
import { planLegacyImport as planWith } from "@/lib/legacy-import/plan-legacy-import";
import { passwordFormatOf } from "@/server/auth/passwords";

/** The plan as the importer makes it: with the hash formats sign-in verifies. */
const planLegacyImport = (dump: unknown, existing: ExistingData) =>
  planWith(dump, existing, (hash) => passwordFormatOf(hash) !== undefined);

const nothing = (): ExistingData => ({ userIdsByEmail: new Map(), exerciseIdsByName: new Map(), muscleIdsByName: new Map() });

const user = (pk: number, email: string, extra: Record<string, unknown> = {}) => ({
  model: "auth.user",
  pk,
  fields: {
    username: `u${pk}`,
    email,
    first_name: "",
    last_name: "",
    is_staff: false,
    is_superuser: false,
    password: DJANGO_PBKDF2_FIXTURES[0].hash,
    ...extra,
  },
});
const workout = (pk: number, name: string, extra: Record<string, unknown> = {}) => ({
  model: "workouts.workout",
  pk,
  fields: { workout_name: name, type: "barbell", notes: "", user: null, created_at: "2021-01-01T00:00:00Z", ...extra },
});
const muscle = (pk: number, workoutPk: number, name: string, rating = 80) => ({
  model: "workouts.workoutmuscle",
  pk,
  fields: { workout: workoutPk, muscle: name, activation_rating: rating },
});
const split = (pk: number, userPk: number, name = "PPL") => ({
  model: "workouts.split",
  pk,
  fields: { split_name: name, user: userPk },
});
const day = (pk: number, splitPk: number, name: string, order: number, workouts: number[]) => ({
  model: "workouts.splitday",
  pk,
  fields: { split: splitPk, day_name: name, day_order: order, workouts },
});
const assessment = (pk: number, userPk: number, extra: Record<string, unknown> = {}) => ({
  model: "assessments.assessment",
  pk,
  fields: {
    user: userPk,
    sport: "Rugby",
    age: 30,
    experience: "beginner",
    equipment: ["basic_equipment"],
    equipment_items: ["dumbbells"],
    ...extra,
  },
});

describe("planning a legacy import", () => {
  it("maps each model onto Ironlog rows, whatever order the dump lists them in", () => {
    const plan = planLegacyImport(
      [
        assessment(1, 1),
        day(1, 1, "Push", 1, [1]),
        split(1, 1),
        muscle(1, 1, "Chest"),
        workout(1, "Bench Press"),
        user(1, "Ann@Example.com", { first_name: "Ann", last_name: "Lee" }),
      ],
      nothing(),
    );
    expect(plan.users).toEqual([
      expect.objectContaining({ key: "1", email: "ann@example.com", name: "Ann Lee", role: "athlete" }),
    ]);
    expect(plan.exercises).toEqual([
      expect.objectContaining({ key: "1", name: "Bench Press", type: "barbell", difficulty: null, equipmentRequired: [] }),
    ]);
    expect(plan.muscles).toEqual([{ key: "pectoralismajor", name: "Pectoralis major", region: "chest" }]);
    expect(plan.exerciseMuscles).toEqual([{ exercise: "1", muscle: { planned: "pectoralismajor" }, activationRating: 80 }]);
    expect(plan.splits).toEqual([expect.objectContaining({ key: "1", user: "1", name: "PPL", position: 0 })]);
    expect(plan.splitDays).toEqual([{ key: "1", split: "1", name: "Push", position: 0 }]);
    expect(plan.splitDayExercises).toEqual([{ splitDay: "1", exercise: { planned: "1" }, position: 0 }]);
    expect(plan.assessments).toEqual([
      expect.objectContaining({ user: "1", equipment: ["basic_equipment"], equipmentItems: ["dumbbells"] }),
    ]);
    expect(plan.outcomes).toEqual([]);
  });

  it("makes staff users admins, and their workouts library exercises; athletes' workouts stay theirs", () => {
    const plan = planLegacyImport(
      [
        user(1, "coach@example.com", { is_staff: true }),
        user(2, "ann@example.com"),
        workout(1, "Squat", { user: 1 }),
        workout(2, "My Curl", { user: 2 }),
      ],
      nothing(),
    );
    expect(plan.users.map((u) => u.role)).toEqual(["admin", "athlete"]);
    expect(plan.exercises.map((e) => e.createdBy)).toEqual([null, { planned: "2" }]);
  });

  it("leaves users already in Ironlog as they are, with their splits and assessment, and reuses existing exercises and muscles", () => {
    const existing = nothing();
    existing.userIdsByEmail.set("ann@example.com", 41);
    existing.exerciseIdsByName.set("bench press", 7);
    existing.muscleIdsByName.set("pectoralismajor", 3);
    const plan = planLegacyImport(
      [
        user(1, "ANN@example.com"),
        split(1, 1),
        assessment(1, 1),
        workout(1, "bench  Press"),
        workout(2, "Fly"),
        muscle(1, 1, "Chest"),
        muscle(2, 2, "Chest"),
        user(2, "bo@example.com"),
        split(2, 2),
        day(1, 2, "A", 1, [1, 2]),
      ],
      existing,
    );
    expect(plan.users.map((u) => u.email)).toEqual(["bo@example.com"]);
    expect(plan.assessments).toEqual([]);
    expect(plan.exercises.map((e) => e.name)).toEqual(["Fly"]);
    expect(plan.muscles).toEqual([]);
    expect(plan.exerciseMuscles).toEqual([{ exercise: "2", muscle: { existingId: 3 }, activationRating: 80 }]);
    expect(plan.splitDayExercises.map((s) => s.exercise)).toEqual([{ existingId: 7 }, { planned: "2" }]);
    expect(plan.outcomes.map((o) => [o.model, o.pk, o.outcome])).toEqual([
      ["auth.user", 1, "skipped"],
      ["workouts.workout", 1, "skipped"],
      ["workouts.workoutmuscle", 1, "skipped"],
      ["workouts.split", 1, "skipped"],
      ["assessments.assessment", 1, "skipped"],
    ]);
    expect(plan.outcomes[0].reason).toBe("ann@example.com is already in Ironlog (user 41); left as it is");
  });

  it("rejects invalid records with every field's reason, and skips what depends on them", () => {
    const plan = planLegacyImport(
      [
        user(1, ""),
        split(1, 1),
        assessment(1, 1),
        workout(1, "Swing", { type: "Sandbag", difficulty_level: 9 }),
        muscle(1, 1, "Glutes"),
        user(2, "bo@example.com"),
        split(2, 2),
        day(1, 2, "A", 1, [1]),
      ],
      nothing(),
    );
    expect(plan.models["auth.user"]).toEqual({ mapped: 1, skipped: 0, rejected: 1 });
    const reasons = Object.fromEntries(plan.outcomes.map((o) => [`${o.model} ${o.pk}`, `${o.outcome}: ${o.reason}`]));
    expect(reasons).toEqual({
      "auth.user 1": "rejected: email: has no e-mail address (Ironlog signs in by e-mail)",
      "workouts.workout 1":
        'rejected: type: unknown type "Sandbag" (expected barbell, dumbbell, bodyweight, kettlebell, band, cable or machine); difficulty_level: difficulty 9 is not 1-3 or beginner/intermediate/advanced',
      "workouts.workoutmuscle 1": "skipped: its workout: workouts.workout 1 was rejected",
      "workouts.split 1": "skipped: belongs to auth.user 1, who was rejected",
      "workouts.splitday 1": "mapped: left out of the day: workouts.workout 1 was rejected",
      "assessments.assessment 1": "skipped: belongs to auth.user 1, who was rejected",
    });
  });

  it("rejects references to records the dump does not hold", () => {
    const plan = planLegacyImport([split(1, 99), muscle(1, 5, "Chest"), day(1, 7, "A", 1, []), assessment(1, 99)], nothing());
    expect(plan.outcomes.map((o) => o.reason)).toEqual([
      "its workout: workouts.workout 5 is not in the legacy data",
      "refers to auth.user 99, which is not in the legacy data",
      "refers to workouts.split 7, which is not in the legacy data",
      "refers to auth.user 99, which is not in the legacy data",
    ]);
    expect(plan.outcomes.every((o) => o.outcome === "rejected")).toBe(true);
  });

  it("treats a second user with the same e-mail, a second workout with the same name and a second assessment as duplicates", () => {
    const plan = planLegacyImport(
      [
        user(1, "ann@example.com"),
        user(2, "Ann@Example.com"),
        workout(1, "Bench Press"),
        workout(2, " bench press"),
        day(1, 1, "A", 1, [2]),
        split(1, 1),
        assessment(1, 1),
        assessment(2, 1),
      ],
      nothing(),
    );
    expect(plan.users).toHaveLength(1);
    expect(plan.exercises).toHaveLength(1);
    expect(plan.splitDayExercises.map((s) => s.exercise)).toEqual([{ planned: "1" }]);
    expect(plan.assessments).toHaveLength(1);
    expect(plan.outcomes.map((o) => `${o.model} ${o.pk} ${o.outcome}`)).toEqual([
      "auth.user 2 rejected",
      "workouts.workout 2 skipped",
      "assessments.assessment 2 skipped",
    ]);
  });

  it("orders days by the old system's order, and positions splits per user", () => {
    const plan = planLegacyImport(
      [
        user(1, "ann@example.com"),
        split(1, 1, "A"),
        split(2, 1, "B"),
        day(1, 1, "Legs", 3, []),
        day(2, 1, "Push", 1, []),
        day(3, 1, "Pull", 2, []),
        day(4, 2, "Full", 1, []),
      ],
      nothing(),
    );
    expect(plan.splits.map((s) => [s.name, s.position])).toEqual([
      ["A", 0],
      ["B", 1],
    ]);
    expect(plan.splitDays.map((d) => [d.name, d.position])).toEqual([
      ["Push", 0],
      ["Full", 0],
      ["Pull", 1],
      ["Legs", 2],
    ]);
  });

  it("counts models Ironlog does not use as skipped, and rejects what is not a dumpdata record", () => {
    const plan = planLegacyImport([{ model: "sessions.session", pk: "abc", fields: {} }, { pk: 1 }], nothing());
    expect(plan.models["sessions.session"]).toEqual({ mapped: 0, skipped: 1, rejected: 0 });
    expect(plan.models["(unreadable)"]).toEqual({ mapped: 0, skipped: 0, rejected: 1 });
    expect(planLegacyImport({ not: "a list" }, nothing()).models["(file)"]).toEqual({ mapped: 0, skipped: 0, rejected: 1 });
  });
});

describe("planning users' passwords", () => {
  it("keeps a verifiable Django hash, and plans no password (counted as needing a reset) for the rest", () => {
    const plan = planLegacyImport(
      [
        user(1, "a@example.com"),
        user(2, "b@example.com", { password: "!unusable" }),
        user(3, "c@example.com", { password: "" }),
        user(4, "d@example.com", { password: "sha1$salt$0123456789abcdef0123456789abcdef01234567" }),
        user(5, "e@example.com", { password: "pbkdf2_sha256$x" }),
        user(6, "f@example.com", { password: null }),
      ],
      nothing(),
    );
    expect(plan.users.map((u) => u.passwordHash)).toEqual([DJANGO_PBKDF2_FIXTURES[0].hash, null, null, null, null, null]);
    expect(plan.passwords).toEqual({ usable: 1, needReset: 5 });
    expect(plan.outcomes.map((o) => [o.pk, o.reason])).toEqual([
      [4, "password hash (sha1) is not a format Ironlog verifies; the user needs a password reset"],
      [5, "password hash (pbkdf2_sha256) is not a format Ironlog verifies; the user needs a password reset"],
    ]);
    expect(JSON.stringify(plan.outcomes)).not.toContain("0123456789abcdef");
  });
});
