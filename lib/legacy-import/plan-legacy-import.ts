/**
 * Decide, without touching the database, what every record of an old-system dump becomes: a row to
 * insert (mapped), nothing because it is already in Ironlog or depends on something left out
 * (skipped), or nothing because it is invalid (rejected). Each skip and rejection has a reason.
 *
 * The legacy import merges by natural key into whatever the database holds:
 * - users by e-mail: a user already in Ironlog is left as it is, with everything that belongs to
 *   them (splits, assessment), so running the import twice changes nothing the second time;
 * - exercises by name (ignoring case and spacing), muscles by name: an existing one is reused.
 * Legacy primary keys are not kept; new rows get new ids.
 */
import type { z } from "@/lib/zod";
import {
  type DjangoRecord,
  LEGACY_MODELS,
  type LegacyModel,
  type LegacyPk,
  djangoRecordSchema,
  issueReasons,
  legacyAssessmentFields,
  legacySplitDayFields,
  legacySplitFields,
  legacyUserFields,
  legacyWorkoutFields,
  legacyWorkoutMuscleFields,
} from "./django-dump";
import { exerciseNameKey, isUnusableDjangoPassword, mapLegacyMuscle, muscleNameKey } from "./legacy-values";
import type { ExistingData, LegacyOutcomeKind, LegacyPlan, PlannedMuscle, RowRef } from "./legacy-plan";

type Resolution = { state: "new" } | { state: "existing"; id: number } | { state: "left-out"; why: string };

const keyOf = (pk: LegacyPk) => String(pk);

/**
 * `verifiable`: whether Ironlog can verify a stored password hash of this shape (the server's
 * `passwordFormatOf`, passed in: the verifiers live with their native libraries in server/auth).
 */
export function planLegacyImport(dump: unknown, existing: ExistingData, verifiable: (hash: string) => boolean): LegacyPlan {
  const plan: LegacyPlan = {
    users: [],
    passwords: { usable: 0, needReset: 0 },
    muscles: [],
    exercises: [],
    exerciseMuscles: [],
    splits: [],
    splitDays: [],
    splitDayExercises: [],
    assessments: [],
    models: {},
    outcomes: [],
  };
  const count = (model: string, outcome: LegacyOutcomeKind) => {
    const counts = (plan.models[model] ??= { mapped: 0, skipped: 0, rejected: 0 });
    counts[outcome] += 1;
  };
  const record = (model: string, pk: LegacyPk | null, outcome: LegacyOutcomeKind, reason?: string) => {
    count(model, outcome);
    if (reason) plan.outcomes.push({ model, pk, outcome, reason });
  };

  if (!Array.isArray(dump)) {
    record("(file)", null, "rejected", "is not a dumpdata list ([{ model, pk, fields }, ...])");
    return plan;
  }

  const byModel = new Map<LegacyModel, DjangoRecord[]>(LEGACY_MODELS.map((m) => [m, []]));
  dump.forEach((item, index) => {
    const parsed = djangoRecordSchema.safeParse(item);
    if (!parsed.success) {
      record("(unreadable)", null, "rejected", `entry ${index + 1}: ${issueReasons(parsed.error).join("; ")}`);
      return;
    }
    const list = byModel.get(parsed.data.model as LegacyModel);
    if (list) list.push(parsed.data);
    else count(parsed.data.model, "skipped"); // sessions, content types, admin log...: not Ironlog's
  });
  for (const records of byModel.values()) records.sort(comparePks);

  /** Parse a record's fields, or reject it with every field's reason. */
  const fieldsOf = <T>(schema: z.ZodType<T>, rec: DjangoRecord): T | undefined => {
    const parsed = schema.safeParse(rec.fields);
    if (parsed.success) return parsed.data;
    record(rec.model, rec.pk, "rejected", issueReasons(parsed.error).join("; "));
    return undefined;
  };
  const rejectMissing = (rec: DjangoRecord, target: string) =>
    record(rec.model, rec.pk, "rejected", `refers to ${target}, which is not in the legacy data`);

  // Users.
  const users = new Map<string, Resolution>();
  const staff = new Set<string>();
  const plannedEmails = new Map<string, LegacyPk>();
  for (const rec of byModel.get("auth.user")!) {
    const fields = fieldsOf(legacyUserFields, rec);
    if (!fields) {
      users.set(keyOf(rec.pk), { state: "left-out", why: "was rejected" });
      continue;
    }
    if (fields.is_staff || fields.is_superuser) staff.add(keyOf(rec.pk));
    const existingId = existing.userIdsByEmail.get(fields.email);
    const duplicateOf = plannedEmails.get(fields.email);
    if (duplicateOf !== undefined) {
      record(rec.model, rec.pk, "rejected", `same e-mail ${fields.email} as auth.user ${String(duplicateOf)}`);
      users.set(keyOf(rec.pk), { state: "left-out", why: "was rejected" });
    } else if (existingId !== undefined) {
      record(rec.model, rec.pk, "skipped", `${fields.email} is already in Ironlog (user ${existingId}); left as it is`);
      users.set(keyOf(rec.pk), { state: "existing", id: existingId });
      plannedEmails.set(fields.email, rec.pk);
    } else {
      const name = [fields.first_name, fields.last_name].filter(Boolean).join(" ") || fields.username;
      const password = legacyPassword(fields.password, verifiable);
      plan.passwords[password.hash ? "usable" : "needReset"] += 1;
      plan.users.push({
        passwordHash: password.hash,
        key: keyOf(rec.pk),
        email: fields.email,
        name,
        role: fields.is_superuser || fields.is_staff ? "admin" : "athlete",
        createdAt: fields.date_joined,
      });
      record(rec.model, rec.pk, "mapped", password.note);
      users.set(keyOf(rec.pk), { state: "new" });
      plannedEmails.set(fields.email, rec.pk);
    }
  }

  // Workouts become exercises. Staff-owned (and owner-less) workouts were the shared library.
  const workouts = new Map<string, Resolution | { state: "same-as"; key: string }>();
  const plannedNames = new Map<string, string>();
  for (const rec of byModel.get("workouts.workout")!) {
    const key = keyOf(rec.pk);
    const fields = fieldsOf(legacyWorkoutFields, rec);
    if (!fields) {
      workouts.set(key, { state: "left-out", why: "was rejected" });
      continue;
    }
    let createdBy: RowRef | null = null;
    if (fields.user !== null && fields.user !== undefined && !staff.has(keyOf(fields.user))) {
      const owner = users.get(keyOf(fields.user));
      if (!owner) {
        rejectMissing(rec, `auth.user ${String(fields.user)}`);
        workouts.set(key, { state: "left-out", why: "was rejected" });
        continue;
      }
      if (owner.state === "left-out") {
        record(rec.model, rec.pk, "skipped", `its owner auth.user ${String(fields.user)} ${owner.why}`);
        workouts.set(key, { state: "left-out", why: "was skipped" });
        continue;
      }
      createdBy = owner.state === "existing" ? { existingId: owner.id } : { planned: keyOf(fields.user) };
    }
    const nameKey = exerciseNameKey(fields.workout_name);
    const sameAs = plannedNames.get(nameKey);
    const existingId = existing.exerciseIdsByName.get(nameKey);
    if (sameAs !== undefined) {
      record(rec.model, rec.pk, "skipped", `same name as workouts.workout ${sameAs}; references use that one`);
      workouts.set(key, { state: "same-as", key: sameAs });
    } else if (existingId !== undefined) {
      record(
        rec.model,
        rec.pk,
        "skipped",
        `an exercise named "${fields.workout_name}" is already in Ironlog (exercise ${existingId}); references use it`,
      );
      workouts.set(key, { state: "existing", id: existingId });
    } else {
      plan.exercises.push({
        key,
        name: fields.workout_name,
        type: fields.type,
        difficulty: fields.difficulty_level,
        equipmentRequired: fields.equipment_required,
        notes: fields.notes,
        createdBy,
        createdAt: fields.created_at,
      });
      record(rec.model, rec.pk, "mapped");
      workouts.set(key, { state: "new" });
      plannedNames.set(nameKey, key);
    }
  }
  /** The exercise a workout pk ends up as, or why it has none. */
  const exerciseFor = (pk: LegacyPk): { ref: RowRef; reused?: string } | { missing: string } => {
    const target = workouts.get(keyOf(pk));
    if (!target) return { missing: `workouts.workout ${String(pk)} is not in the legacy data` };
    if (target.state === "left-out") return { missing: `workouts.workout ${String(pk)} ${target.why}` };
    if (target.state === "existing") {
      return { ref: { existingId: target.id }, reused: `is exercise ${target.id}, already in Ironlog with its own muscles` };
    }
    if (target.state === "same-as") {
      return {
        ref: { planned: target.key },
        reused: `is the same exercise as workouts.workout ${target.key}, whose muscles are used`,
      };
    }
    return { ref: { planned: keyOf(pk) } };
  };

  // Muscles of each workout.
  const plannedMuscles = new Map<string, PlannedMuscle>();
  const pairs = new Set<string>();
  for (const rec of byModel.get("workouts.workoutmuscle")!) {
    const fields = fieldsOf(legacyWorkoutMuscleFields, rec);
    if (!fields) continue;
    const exercise = exerciseFor(fields.workout);
    if ("missing" in exercise) {
      const absent = !workouts.has(keyOf(fields.workout));
      record(rec.model, rec.pk, absent ? "rejected" : "skipped", `its workout: ${exercise.missing}`);
      continue;
    }
    if (exercise.reused) {
      record(rec.model, rec.pk, "skipped", `its workout ${String(fields.workout)} ${exercise.reused}`);
      continue;
    }
    const muscle = resolveMuscle(fields.muscle, existing, plannedMuscles);
    if ("reason" in muscle) {
      record(rec.model, rec.pk, "rejected", `muscle: ${muscle.reason}`);
      continue;
    }
    const pair = `${keyOf(fields.workout)}|${"existingId" in muscle.ref ? `e${muscle.ref.existingId}` : `p${muscle.ref.planned}`}`;
    if (pairs.has(pair)) {
      record(rec.model, rec.pk, "skipped", `workout ${String(fields.workout)} already lists this muscle`);
      continue;
    }
    pairs.add(pair);
    plan.exerciseMuscles.push({
      exercise: keyOf(fields.workout),
      muscle: muscle.ref,
      activationRating: fields.activation_rating,
    });
    record(rec.model, rec.pk, "mapped");
  }
  plan.muscles = [...plannedMuscles.values()];

  // Splits, then their days.
  const splits = new Map<string, Resolution>();
  const splitsPerUser = new Map<string, number>();
  for (const rec of byModel.get("workouts.split")!) {
    const key = keyOf(rec.pk);
    const fields = fieldsOf(legacySplitFields, rec);
    if (!fields) {
      splits.set(key, { state: "left-out", why: "was rejected" });
      continue;
    }
    const owner = users.get(keyOf(fields.user));
    if (!owner || owner.state !== "new") {
      if (!owner) rejectMissing(rec, `auth.user ${String(fields.user)}`);
      else record(rec.model, rec.pk, "skipped", belongsToReason(fields.user, owner));
      splits.set(key, { state: "left-out", why: owner ? "was skipped" : "was rejected" });
      continue;
    }
    const position = splitsPerUser.get(keyOf(fields.user)) ?? 0;
    splitsPerUser.set(keyOf(fields.user), position + 1);
    plan.splits.push({ key, user: keyOf(fields.user), name: fields.split_name, position, createdAt: fields.created_at });
    record(rec.model, rec.pk, "mapped");
    splits.set(key, { state: "new" });
  }

  const days: { rec: DjangoRecord; fields: z.infer<typeof legacySplitDayFields> }[] = [];
  for (const rec of byModel.get("workouts.splitday")!) {
    const fields = fieldsOf(legacySplitDayFields, rec);
    if (!fields) continue;
    const split = splits.get(keyOf(fields.split));
    if (!split || split.state !== "new") {
      if (!split) rejectMissing(rec, `workouts.split ${String(fields.split)}`);
      else
        record(
          rec.model,
          rec.pk,
          "skipped",
          `its split workouts.split ${String(fields.split)} ${split.state === "left-out" ? split.why : "was not imported"}`,
        );
      continue;
    }
    days.push({ rec, fields });
  }
  // Days keep the old system's order within their split; ties (or no order) by primary key.
  days.sort((a, b) => (a.fields.order ?? Infinity) - (b.fields.order ?? Infinity) || comparePks(a.rec, b.rec));
  const daysPerSplit = new Map<string, number>();
  for (const { rec, fields } of days) {
    const splitKey = keyOf(fields.split);
    const position = daysPerSplit.get(splitKey) ?? 0;
    daysPerSplit.set(splitKey, position + 1);
    plan.splitDays.push({ key: keyOf(rec.pk), split: splitKey, name: fields.name, position });
    const leftOut: string[] = [];
    let exercisePosition = 0;
    for (const workout of fields.workouts) {
      const exercise = exerciseFor(workout);
      if ("missing" in exercise) {
        leftOut.push(exercise.missing);
        continue;
      }
      plan.splitDayExercises.push({ splitDay: keyOf(rec.pk), exercise: exercise.ref, position: exercisePosition++ });
    }
    record(rec.model, rec.pk, "mapped", leftOut.length > 0 ? `left out of the day: ${leftOut.join("; ")}` : undefined);
  }

  // Assessments, in their legacy format.
  const assessed = new Map<string, LegacyPk>();
  for (const rec of byModel.get("assessments.assessment")!) {
    const fields = fieldsOf(legacyAssessmentFields, rec);
    if (!fields) continue;
    const userKey = keyOf(fields.user);
    const owner = users.get(userKey);
    if (!owner) {
      rejectMissing(rec, `auth.user ${String(fields.user)}`);
      continue;
    }
    if (owner.state !== "new") {
      record(rec.model, rec.pk, "skipped", belongsToReason(fields.user, owner));
      continue;
    }
    const earlier = assessed.get(userKey);
    if (earlier !== undefined) {
      record(
        rec.model,
        rec.pk,
        "skipped",
        `auth.user ${userKey} already has assessments.assessment ${String(earlier)} (one per user)`,
      );
      continue;
    }
    assessed.set(userKey, rec.pk);
    plan.assessments.push({
      user: userKey,
      sport: fields.sport,
      age: fields.age,
      experienceLevel: fields.experience,
      equipment: fields.equipment,
      equipmentItems: fields.equipment_items,
      createdAt: fields.created_at,
    });
    record(rec.model, rec.pk, "mapped");
  }

  return plan;
}

function belongsToReason(user: LegacyPk, owner: Resolution): string {
  return owner.state === "existing"
    ? `belongs to auth.user ${String(user)}, who was already in Ironlog`
    : `belongs to auth.user ${String(user)}, who ${owner.state === "left-out" ? owner.why : "was not imported"}`;
}

function resolveMuscle(
  value: unknown,
  existing: ExistingData,
  planned: Map<string, PlannedMuscle>,
): { ref: RowRef } | { reason: string } {
  // A muscle Ironlog already has, under the exact name the old system used.
  if (typeof value === "string") {
    const id = existing.muscleIdsByName.get(muscleNameKey(value));
    if (id !== undefined) return { ref: { existingId: id } };
  }
  const mapped = mapLegacyMuscle(value);
  if (!mapped.ok) return { reason: mapped.reason };
  const key = muscleNameKey(mapped.value.name);
  const id = existing.muscleIdsByName.get(key);
  if (id !== undefined) return { ref: { existingId: id } };
  if (!planned.has(key)) planned.set(key, { key, ...mapped.value });
  return { ref: { planned: key } };
}

function comparePks(a: { pk: LegacyPk }, b: { pk: LegacyPk }): number {
  if (typeof a.pk === "number" && typeof b.pk === "number") return a.pk - b.pk;
  return String(a.pk).localeCompare(String(b.pk), "en", { numeric: true });
}

/**
 * What a Django `password` value becomes. The note names the hash's algorithm only, never the hash: a
 * hash is a secret and the report is printed and kept. Unusable (`!…`) and empty ones mean "no password"
 * without a note (Django's own state for such accounts); a hash in a format Ironlog cannot verify (md5,
 * unsalted sha1, crypt: too weak to keep anyway) is dropped with a note, so the user resets it.
 */
function legacyPassword(value: string, verifiable: (hash: string) => boolean): { hash: string | null; note?: string } {
  if (isUnusableDjangoPassword(value)) return { hash: null };
  if (verifiable(value)) return { hash: value };
  const algorithm = /^[a-z0-9_]{1,30}(?=\$)/.exec(value)?.[0] ?? "unrecognised";
  return { hash: null, note: `password hash (${algorithm}) is not a format Ironlog verifies; the user needs a password reset` };
}
