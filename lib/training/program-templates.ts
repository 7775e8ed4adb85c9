/**
 * The shapes a generated program is built from: movement slots, the day templates that list them,
 * the split for each number of training days, and sets × reps for each goal.
 *
 * Splits, by how often each muscle group can be trained and still recover between sessions: 1-3 days
 * full body, 4 days upper/lower, 5-6 days push/pull/legs.
 * - 1 day: a single full-body session (the A day).
 * - 5 days: push/pull/legs then push and pull again; legs get one day. Any five-day arrangement
 *   trains something once, and legs recover slowest, so they are the one.
 * - 7 days: the six-day push/pull/legs with the seventh day as rest. Daily training of the same
 *   muscles leaves no recovery, which is when they adapt; the program says so in its notes.
 */
import type { ExperienceLevel, TrainingGoal } from "./types";

export type SlotRole = "compound" | "accessory";

/**
 * A place in a day for one exercise. An exercise fits the slot when its most-worked muscle is one of
 * `targets` (and, for compound slots, it works at least two muscles at 50 or more). Among those that
 * fit, the one with the highest sum of ratings for `targets`, plus `scoreWeights` × rating for the
 * muscles listed there, is chosen.
 */
export type Slot = {
  key: string;
  label: string;
  targets: readonly string[];
  scoreWeights?: Readonly<Record<string, number>>;
  role: SlotRole;
};

export const SLOTS = {
  squat: {
    key: "squat",
    label: "Squat",
    targets: ["Quadriceps"],
    // Lunges and split squats also lead with the quadriceps; the hip stabiliser work marks them as
    // single-leg movements, which have their own slot.
    scoreWeights: { "Gluteus medius": -1 },
    role: "compound",
  },
  singleLeg: {
    key: "singleLeg",
    label: "Single-leg",
    targets: ["Quadriceps", "Gluteus maximus"],
    scoreWeights: { "Gluteus medius": 1 },
    role: "compound",
  },
  hinge: { key: "hinge", label: "Hip hinge", targets: ["Hamstrings", "Gluteus maximus", "Erector spinae"], role: "compound" },
  // Leg day's hinge: led by the hamstrings (Romanian deadlift and kin), so it differs from the
  // heavy pull-day deadlift that leads with the glutes and back.
  hamstringHinge: {
    key: "hamstringHinge",
    label: "Hamstring hinge",
    targets: ["Hamstrings"],
    scoreWeights: { "Gluteus maximus": 0.5 },
    role: "compound",
  },
  horizontalPush: { key: "horizontalPush", label: "Horizontal push", targets: ["Pectoralis major"], role: "compound" },
  verticalPush: { key: "verticalPush", label: "Vertical push", targets: ["Anterior deltoid"], role: "compound" },
  pull: { key: "pull", label: "Pull", targets: ["Latissimus dorsi", "Rhomboids"], role: "compound" },
  horizontalPull: { key: "horizontalPull", label: "Horizontal pull", targets: ["Rhomboids"], role: "compound" },
  verticalPull: { key: "verticalPull", label: "Vertical pull", targets: ["Latissimus dorsi"], role: "compound" },
  chest: { key: "chest", label: "Chest accessory", targets: ["Pectoralis major"], role: "accessory" },
  glutes: { key: "glutes", label: "Glutes", targets: ["Gluteus maximus", "Gluteus medius"], role: "accessory" },
  lateralDelts: { key: "lateralDelts", label: "Side delts", targets: ["Lateral deltoid"], role: "accessory" },
  rearDelts: { key: "rearDelts", label: "Rear delts", targets: ["Posterior deltoid"], role: "accessory" },
  biceps: { key: "biceps", label: "Biceps", targets: ["Biceps brachii", "Brachialis"], role: "accessory" },
  triceps: { key: "triceps", label: "Triceps", targets: ["Triceps brachii"], role: "accessory" },
  calves: { key: "calves", label: "Calves", targets: ["Calves"], role: "accessory" },
  core: { key: "core", label: "Core", targets: ["Rectus abdominis", "Obliques"], role: "accessory" },
} as const satisfies Record<string, Slot>;

export type DayTemplate = { name: string; slots: readonly Slot[] };

const S = SLOTS;
const FULL_BODY_A: DayTemplate = {
  name: "Full body A",
  slots: [S.squat, S.horizontalPush, S.pull, S.hinge, S.lateralDelts, S.core],
};
const FULL_BODY_B: DayTemplate = {
  name: "Full body B",
  slots: [S.hinge, S.verticalPush, S.verticalPull, S.singleLeg, S.biceps, S.calves],
};
const FULL_BODY_C: DayTemplate = {
  name: "Full body C",
  slots: [S.squat, S.horizontalPush, S.horizontalPull, S.glutes, S.triceps, S.core],
};
const UPPER_A: DayTemplate = {
  name: "Upper A",
  slots: [S.horizontalPush, S.horizontalPull, S.verticalPush, S.verticalPull, S.biceps, S.triceps],
};
const UPPER_B: DayTemplate = {
  name: "Upper B",
  slots: [S.verticalPull, S.horizontalPush, S.horizontalPull, S.lateralDelts, S.rearDelts, S.triceps],
};
const LOWER_A: DayTemplate = { name: "Lower A", slots: [S.squat, S.hinge, S.singleLeg, S.calves, S.core] };
const LOWER_B: DayTemplate = { name: "Lower B", slots: [S.hinge, S.squat, S.glutes, S.calves, S.core] };
const PUSH = [S.horizontalPush, S.verticalPush, S.chest, S.lateralDelts, S.triceps];
// The classic push/pull/legs puts a heavy hinge on pull day (the back holds the bar); legs get another.
const PULL = [S.verticalPull, S.horizontalPull, S.hinge, S.rearDelts, S.biceps];
const LEGS = [S.squat, S.hamstringHinge, S.singleLeg, S.calves, S.core];

export type SplitTemplate = { key: "full_body" | "upper_lower" | "push_pull_legs"; label: string; days: readonly DayTemplate[] };

/** The split for a number of training days a week (clamped to 1-7). */
export function splitTemplateFor(daysPerWeek: number): SplitTemplate {
  const days = Math.min(7, Math.max(1, Math.round(daysPerWeek)));
  if (days === 1) return { key: "full_body", label: "Full body", days: [{ ...FULL_BODY_A, name: "Full body" }] };
  if (days <= 3) return { key: "full_body", label: "Full body", days: [FULL_BODY_A, FULL_BODY_B, FULL_BODY_C].slice(0, days) };
  if (days === 4) return { key: "upper_lower", label: "Upper/lower", days: [UPPER_A, LOWER_A, UPPER_B, LOWER_B] };
  const ppl = [
    { name: "Push A", slots: PUSH },
    { name: "Pull A", slots: PULL },
    { name: "Legs A", slots: LEGS },
    { name: "Push B", slots: PUSH },
    { name: "Pull B", slots: PULL },
    { name: "Legs B", slots: LEGS },
  ];
  return { key: "push_pull_legs", label: "Push/pull/legs", days: ppl.slice(0, Math.min(days, 6)) };
}

/** Highest exercise difficulty (1-3) that suits each experience level. */
export const DIFFICULTY_CAP: Record<ExperienceLevel, 1 | 2 | 3> = { beginner: 1, intermediate: 2, advanced: 3 };

export type RepScheme = { sets: number; repsMin: number; repsMax: number };

/**
 * Sets × reps by goal, for the main lift of a slot (compound) and for accessories. Strength works
 * heavy and low on the main lifts but not on isolation work, where 3-5 reps strain joints for little
 * gain; endurance and general fitness use fewer accessory sets.
 */
export const REP_SCHEMES: Record<TrainingGoal, Record<SlotRole, RepScheme>> = {
  strength: { compound: { sets: 5, repsMin: 3, repsMax: 5 }, accessory: { sets: 3, repsMin: 6, repsMax: 10 } },
  hypertrophy: { compound: { sets: 4, repsMin: 8, repsMax: 12 }, accessory: { sets: 3, repsMin: 10, repsMax: 15 } },
  endurance: { compound: { sets: 3, repsMin: 15, repsMax: 20 }, accessory: { sets: 2, repsMin: 15, repsMax: 20 } },
  general_fitness: { compound: { sets: 3, repsMin: 8, repsMax: 12 }, accessory: { sets: 2, repsMin: 12, repsMax: 15 } },
};

/**
 * The scheme for one exercise. Beginners do at most 3 sets of a main lift (as novice programmes
 * such as 3×5 do: they progress on less, and learn the movement fresh). A bodyweight main lift for
 * strength gets 5-10 reps: with no plates to add, 3-5 reps only suits those who already need a
 * harder variation, which the athlete moves to once every set reaches 10.
 */
export function repSchemeFor(goal: TrainingGoal, role: SlotRole, level: ExperienceLevel, bodyweight: boolean): RepScheme {
  const scheme = { ...REP_SCHEMES[goal][role] };
  if (role === "compound" && level === "beginner") scheme.sets = Math.min(scheme.sets, 3);
  if (role === "compound" && goal === "strength" && bodyweight) {
    scheme.repsMin = 5;
    scheme.repsMax = 10;
  }
  return scheme;
}

export const GOAL_LABELS: Record<TrainingGoal, string> = {
  strength: "strength",
  hypertrophy: "muscle growth",
  endurance: "muscular endurance",
  general_fitness: "general fitness",
};
