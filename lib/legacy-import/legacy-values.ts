/**
 * How values of the old Django system map onto Ironlog's. Each function says either what the value
 * becomes or, in words an operator can act on, why it cannot be imported.
 */
import { EXERCISE_TYPES, type ExerciseType, type ExperienceLevel } from "@/lib/training/types";

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Mapped<T> => ({ ok: true, value });
const fail = <T>(reason: string): Mapped<T> => ({ ok: false, reason });
const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");
const describe = (value: unknown) => JSON.stringify(value);

/** Letters only, lower-case: "Body-Weight", "body weight" and "BODYWEIGHT" compare equal. */
const letters = (value: string) => value.toLowerCase().replace(/[^a-z]/g, "");

/** Every Ironlog type by its name and plural, and the spellings the old system's rows use. */
const EXERCISE_TYPE_SPELLINGS: Record<string, ExerciseType> = {
  ...Object.fromEntries(
    EXERCISE_TYPES.flatMap((type) => [
      [letters(type), type],
      [`${letters(type)}s`, type],
    ]),
  ),
  bb: "barbell",
  dumbell: "dumbbell",
  db: "dumbbell",
  bw: "bodyweight",
  kb: "kettlebell",
  resistanceband: "band",
  resistancebands: "band",
};
const EXPECTED_TYPES = `expected ${EXERCISE_TYPES.slice(0, -1).join(", ")} or ${EXERCISE_TYPES.at(-1)}`;

export function mapLegacyExerciseType(value: unknown): Mapped<ExerciseType> {
  if (isBlank(value)) return fail(`has no type (${EXPECTED_TYPES})`);
  if (typeof value !== "string") return fail(`type ${describe(value)} is not text`);
  const type = EXERCISE_TYPE_SPELLINGS[letters(value)];
  return type ? ok(type) : fail(`unknown type ${describe(value)} (${EXPECTED_TYPES})`);
}

const DIFFICULTY_WORDS: Record<string, 1 | 2 | 3> = {
  beginner: 1,
  easy: 1,
  intermediate: 2,
  medium: 2,
  moderate: 2,
  advanced: 3,
  hard: 3,
  expert: 3,
};

/** Missing difficulty stays NULL: the exercise backfill migration sets it. */
export function mapLegacyDifficulty(value: unknown): Mapped<1 | 2 | 3 | null> {
  if (isBlank(value)) return ok(null);
  const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (number === 1 || number === 2 || number === 3) return ok(number);
  if (typeof value === "string" && DIFFICULTY_WORDS[letters(value)]) return ok(DIFFICULTY_WORDS[letters(value)]);
  // Named as read: a number is a number whether the column held it as an integer or as text.
  return fail(`difficulty ${describe(number)} is not 1-3 or beginner/intermediate/advanced`);
}

const EXPERIENCE_WORDS: Record<string, ExperienceLevel> = {
  beginner: "beginner",
  novice: "beginner",
  intermediate: "intermediate",
  advanced: "advanced",
  expert: "advanced",
};

export function mapLegacyExperience(value: unknown): Mapped<ExperienceLevel | null> {
  if (isBlank(value)) return ok(null);
  const level = typeof value === "string" ? EXPERIENCE_WORDS[letters(value)] : undefined;
  return level ? ok(level) : fail(`experience ${describe(value)} is not beginner, intermediate or advanced`);
}

export function mapLegacyAge(value: unknown): Mapped<number | null> {
  if (isBlank(value)) return ok(null);
  const age = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof age !== "number" || !Number.isInteger(age)) return fail(`age ${describe(value)} is not a whole number`);
  return age >= 5 && age <= 120 ? ok(age) : fail(`age ${age} is outside 5-120`);
}

// Deliberately loose: the old system accepted these addresses; Ironlog only needs one "@" and a dot after it.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Ironlog stores e-mail lower-case and signs in by it, so a user without one cannot be imported. */
export function mapLegacyEmail(value: unknown): Mapped<string> {
  if (isBlank(value)) return fail("has no e-mail address (Ironlog signs in by e-mail)");
  if (typeof value !== "string") return fail(`e-mail ${describe(value)} is not text`);
  const email = value.trim().toLowerCase();
  return EMAIL.test(email) ? ok(email) : fail(`e-mail ${describe(value)} is not an address`);
}

/**
 * Django writes datetimes as ISO 8601, with a zone when USE_TZ is on; naive ones are read as UTC,
 * the old system's server time. Missing stays undefined so the column default (now) applies.
 */
export function mapLegacyDateTime(value: unknown): Mapped<Date | undefined> {
  if (isBlank(value)) return ok(undefined);
  if (typeof value !== "string") return fail(`date ${describe(value)} is not text`);
  const text = value.trim();
  const match = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) return fail(`date ${describe(value)} is not ISO 8601`);
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  // Date would quietly roll 2021-02-30 over to 2 March.
  if (calendarDay.getUTCFullYear() !== year || calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) {
    return fail(`date ${describe(value)} does not exist`);
  }
  const zoned = match[4] ? text : `${match[1] ? text : `${text}T00:00:00`}Z`;
  const date = new Date(zoned.replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? fail(`date ${describe(value)} does not exist`) : ok(date);
}

/**
 * The assessment's equipment answer and items, kept exactly as the old system stored them (a list
 * from the old multi-select question, a string, or anything odder): the equipment migration converts
 * them and reports what it cannot, with undo, so the import must not judge or reshape them here.
 * Django writes SQL NULL and JSON null alike as `null`; both become SQL NULL.
 */
export function keepLegacyEquipment(value: unknown): Mapped<unknown> {
  return ok(value === undefined ? null : value);
}

/**
 * An exercise's required equipment, kept as given for the same reason (the exercise backfill turns
 * an empty list into the type and reports anything that is not a list). Missing means none: [].
 */
export function keepLegacyEquipmentRequired(value: unknown): Mapped<unknown> {
  return ok(value === undefined || value === null ? [] : value);
}

export interface LegacyMuscle {
  name: string;
  region: "chest" | "back" | "shoulders" | "arms" | "legs" | "core";
}

/**
 * The old system's muscle names, mapped onto the built-in library's (db/seed-data/muscles.ts, which
 * the weekly volume targets are keyed by; legacy-values.test.ts keeps the two in step). Group names
 * go to the muscle that the group's exercises train most ("shoulders" to the front delts, "abs" to
 * the rectus abdominis); names too vague to place ("arms", "legs") are rejected.
 */
const MUSCLES: Record<string, LegacyMuscle> = {};
function known(name: string, region: LegacyMuscle["region"], ...aliases: string[]) {
  for (const alias of [name, ...aliases]) MUSCLES[letters(alias)] = { name, region };
}
known("Pectoralis major", "chest", "chest", "pecs", "pectorals", "pectoralis", "upper chest", "lower chest");
known("Latissimus dorsi", "back", "lats", "lat", "latissimus", "back");
known("Trapezius", "back", "traps", "trap");
known("Rhomboids", "back", "upper back", "rhomboid");
known("Erector spinae", "back", "lower back", "erectors", "spinal erectors");
known("Anterior deltoid", "shoulders", "front delts", "front deltoid", "front deltoids", "shoulders", "delts", "deltoids");
known("Lateral deltoid", "shoulders", "side delts", "side deltoid", "side deltoids", "lateral delts");
known("Posterior deltoid", "shoulders", "rear delts", "rear deltoid", "rear deltoids");
known("Triceps brachii", "arms", "triceps", "tricep");
known("Biceps brachii", "arms", "biceps", "bicep");
known("Brachialis", "arms");
known("Forearm flexors", "arms", "forearms", "forearm", "grip");
known("Quadriceps", "legs", "quads", "quad");
known("Hamstrings", "legs", "hams", "hamstring");
known("Gluteus maximus", "legs", "glutes", "glute", "gluteus");
known("Gluteus medius", "legs", "glute medius");
known("Adductors", "legs", "inner thighs", "adductor");
known("Calves", "legs", "calf", "gastrocnemius", "soleus");
known("Hip flexors", "core", "hip flexor", "iliopsoas");
known("Rectus abdominis", "core", "abs", "abdominals", "core", "six pack");
known("Obliques", "core", "oblique");

/** A muscle named by the old system (its workoutmuscle stored the name), as Ironlog names it. */
export function mapLegacyMuscle(value: unknown): Mapped<LegacyMuscle> {
  if (isBlank(value)) return fail("names no muscle");
  if (typeof value !== "string") return fail(`muscle ${describe(value)} is not a name`);
  const muscle = MUSCLES[letters(value)];
  return muscle ? ok(muscle) : fail(`unknown muscle ${describe(value)}`);
}

/** Key under which two exercise names are the same exercise: case and spacing do not count. */
export function exerciseNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

export function muscleNameKey(name: string): string {
  return letters(name);
}

/** Django's marker for an account that cannot sign in with a password (set_unusable_password). */
export function isUnusableDjangoPassword(value: string): boolean {
  return value === "" || value.startsWith("!");
}
