/**
 * Program generation from the onboarding assessment: a split that fits the days per week, filled
 * slot by slot with exercises the athlete's equipment allows and their experience suits, each with
 * sets × reps for the goal and a short "why this exercise".
 *
 * Deterministic: the same answers and the same exercise list (in any order) give the same program.
 * Every choice is a sort with a total order ending in name then id; nothing is random.
 *
 * How a slot is filled (see program-templates.ts for the slots):
 * 1. Candidates are exercises the equipment allows (`canPerformWith`), not already in this day.
 * 2. Tiers, first non-empty wins: exercises that fit the slot at or below the experience level's
 *    difficulty cap; then ones that fit, one level above the cap; then, when nothing fits, ones that
 *    work a target muscle at 50+ as a secondary mover, within the cap. If all are empty the slot is
 *    left out that day; a slot left out all week is named in the notes (no equipment: no biceps).
 * 3. Within a tier, in order: for an athlete with basic equipment, exercises that use an item they
 *    own (they listed it to train with it; a bodyweight option is there when nothing owned fits);
 *    then candidates scoring within 10% of the tier's best (so variety never
 *    swaps a barbell row for a door-frame row); then the least used elsewhere in the program, for
 *    variety across days (a strength program may use each main lift twice a week before this
 *    applies: strength is specific to the lift); then the best score for the slot; then
 *    multi-muscle exercises first for compound slots and isolation first for accessories; then
 *    difficulty closest to the cap; then name; then id.
 */
import { canPerformWith, normalizedRequirements, type EquipmentChoice } from "@/lib/equipment";
import { DIFFICULTY_CAP, GOAL_LABELS, repSchemeFor, splitTemplateFor, type Slot } from "./program-templates";
import type { ExerciseMeasure, ExperienceLevel, ExerciseType, MuscleActivation, TrainingGoal } from "./types";

export type ProgramAssessment = {
  daysPerWeek: number;
  experienceLevel: ExperienceLevel;
  goal: TrainingGoal;
  equipment: EquipmentChoice;
  equipmentItems: readonly string[];
};

export type ProgramExerciseCandidate = {
  id: number;
  name: string;
  type: ExerciseType;
  /** What a set records; weight × reps when left out. Holds and carries get their targets in seconds and metres. */
  measure?: ExerciseMeasure;
  /** 1-3; null (rows from before difficulty existed) is treated as 2. */
  difficulty: number | null;
  equipmentRequired: readonly string[];
  muscles: readonly MuscleActivation[];
};

export type ProgramExercise = {
  exerciseId: number;
  name: string;
  targetSets: number;
  targetRepsMin: number;
  targetRepsMax: number;
  why: string;
};

export type ProgramDay = { name: string; exercises: ProgramExercise[] };

export type GeneratedProgram = {
  name: string;
  /** Things the athlete should know about this program: rest days, slots left out. */
  notes: string[];
  days: ProgramDay[];
};

/** Rating at which a muscle counts as a real mover: compound slots need two of them. */
const MOVER_RATING = 50;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Candidate = {
  exercise: ProgramExerciseCandidate;
  /** Whether it needs an item the athlete listed as owned. */
  usesOwned: boolean;
  difficulty: number;
  rating: ReadonlyMap<string, number>;
  /** Muscles sorted by rating, highest first (ties by name). */
  ranked: readonly MuscleActivation[];
  totalActivation: number;
};

function toCandidate(exercise: ProgramExerciseCandidate, ownedItems: readonly string[]): Candidate {
  const ranked = [...exercise.muscles]
    .filter((m) => m.activation > 0)
    .sort((a, b) => b.activation - a.activation || compareText(a.muscle, b.muscle));
  const difficulty = exercise.difficulty === null || !Number.isFinite(exercise.difficulty) ? 2 : exercise.difficulty;
  return {
    exercise,
    usesOwned: normalizedRequirements(exercise.equipmentRequired).some((item) => ownedItems.includes(item)),
    difficulty,
    rating: new Map(ranked.map((m) => [m.muscle, m.activation])),
    ranked,
    totalActivation: ranked.reduce((sum, m) => sum + m.activation, 0),
  };
}

/** Whether the slot's pattern is what this exercise is mainly for. */
function fitsSlot(candidate: Candidate, slot: Slot): boolean {
  const top = candidate.ranked[0]?.activation;
  if (top === undefined) return false;
  const leadsWithTarget = candidate.ranked.some((m) => m.activation === top && slot.targets.includes(m.muscle));
  if (!leadsWithTarget) return false;
  if (slot.role === "accessory") return true;
  return candidate.ranked.filter((m) => m.activation >= MOVER_RATING).length >= 2;
}

/** Whether the exercise at least works a target muscle as a secondary mover. */
function worksSlotMuscles(candidate: Candidate, slot: Slot): boolean {
  return slot.targets.some((muscle) => (candidate.rating.get(muscle) ?? 0) >= MOVER_RATING);
}

function slotScore(candidate: Candidate, slot: Slot): number {
  let score = 0;
  for (const muscle of slot.targets) score += candidate.rating.get(muscle) ?? 0;
  for (const [muscle, weight] of Object.entries(slot.scoreWeights ?? {})) score += weight * (candidate.rating.get(muscle) ?? 0);
  return score;
}

type Pick = { candidate: Candidate; fit: "fits" | "above_level" | "secondary" };

/** A candidate scoring at least this share of the best one in its tier is as good a choice. */
const GOOD_ENOUGH_SHARE = 0.9;

function pickForSlot(
  slot: Slot,
  pool: readonly Candidate[],
  usedToday: ReadonlySet<number>,
  timesUsed: ReadonlyMap<number, number>,
  cap: number,
  repeatsAllowed: number,
): Pick | null {
  const available = pool.filter((c) => !usedToday.has(c.exercise.id));
  const tiers: [Pick["fit"], Candidate[]][] = [
    ["fits", available.filter((c) => c.difficulty <= cap && fitsSlot(c, slot))],
    ["above_level", available.filter((c) => c.difficulty === cap + 1 && fitsSlot(c, slot))],
    ["secondary", available.filter((c) => c.difficulty <= cap && !fitsSlot(c, slot) && worksSlotMuscles(c, slot))],
  ];
  for (const [fit, candidates] of tiers) {
    if (candidates.length === 0) continue;
    const score = new Map(candidates.map((c) => [c, slotScore(c, slot)]));
    const threshold = Math.max(...score.values()) * GOOD_ENOUGH_SHARE;
    const goodEnough = (c: Candidate) => (score.get(c)! >= threshold ? 0 : 1);
    const overused = (c: Candidate) => Math.max(0, (timesUsed.get(c.exercise.id) ?? 0) - repeatsAllowed);
    const isolationFirst = slot.role === "accessory" ? 1 : -1;
    const owned = (c: Candidate) => (c.usesOwned ? 0 : 1);
    const sorted = [...candidates].sort(
      (a, b) =>
        owned(a) - owned(b) ||
        goodEnough(a) - goodEnough(b) ||
        overused(a) - overused(b) ||
        score.get(b)! - score.get(a)! ||
        isolationFirst * (a.totalActivation - b.totalActivation) ||
        Math.abs(cap - a.difficulty) - Math.abs(cap - b.difficulty) ||
        compareText(a.exercise.name, b.exercise.name) ||
        a.exercise.id - b.exercise.id,
    );
    return { candidate: sorted[0], fit };
  }
  return null;
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** "Horizontal push: works Pectoralis major (90), Anterior deltoid (70) and Triceps brachii (70)." */
function whyThisExercise(pick: Pick, slot: Slot): string {
  const top = pick.candidate.ranked.slice(0, 3).map((m) => `${m.muscle} (${m.activation})`);
  const base = `${slot.label}: works ${listWords(top)}.`;
  if (pick.fit === "above_level")
    return `${base} A step above your level, the easiest option your equipment allows: start light.`;
  if (pick.fit === "secondary") return `${base} The closest option your equipment allows for this slot.`;
  return base;
}

/**
 * A day's targets count in the exercise's measure (see the logger): seconds for a hold (30-60 s,
 * the usual prescription for planks and hangs) and metres for a carry (20-40 m lengths).
 */
function targetsFor(scheme: { sets: number; repsMin: number; repsMax: number }, measure: ExerciseMeasure | undefined) {
  if (measure === "time") return { ...scheme, repsMin: 30, repsMax: 60 };
  if (measure === "distance" || measure === "distance_time") return { ...scheme, repsMin: 20, repsMax: 40 };
  return scheme;
}

/** The athlete's program for their assessment, built from `exercises` (built-in library, usually). */
export function generateProgram(assessment: ProgramAssessment, exercises: readonly ProgramExerciseCandidate[]): GeneratedProgram {
  if (!Number.isFinite(assessment.daysPerWeek)) throw new RangeError("daysPerWeek must be a number from 1 to 7.");
  const daysPerWeek = Math.min(7, Math.max(1, Math.round(assessment.daysPerWeek)));
  const split = splitTemplateFor(daysPerWeek);
  const cap = DIFFICULTY_CAP[assessment.experienceLevel];
  const pool = exercises
    .filter((e) => canPerformWith(assessment.equipment, assessment.equipmentItems, e.equipmentRequired))
    // A full gym's athletes list no items; their choice is the whole library.
    .map((e) => toCandidate(e, assessment.equipment === "basic_equipment" ? assessment.equipmentItems : []))
    .sort((a, b) => compareText(a.exercise.name, b.exercise.name) || a.exercise.id - b.exercise.id);

  const timesUsed = new Map<number, number>();
  const leftOut = new Set<string>();
  const filled = new Set<string>();
  const days: ProgramDay[] = split.days.map((template) => {
    const usedToday = new Set<number>();
    const dayExercises: ProgramExercise[] = [];
    for (const slot of template.slots) {
      const repeatsAllowed = assessment.goal === "strength" && slot.role === "compound" ? 1 : 0;
      const pick = pickForSlot(slot, pool, usedToday, timesUsed, cap, repeatsAllowed);
      if (!pick) {
        leftOut.add(slot.label.toLowerCase());
        continue;
      }
      filled.add(slot.label.toLowerCase());
      const { exercise } = pick.candidate;
      usedToday.add(exercise.id);
      timesUsed.set(exercise.id, (timesUsed.get(exercise.id) ?? 0) + 1);
      const scheme = targetsFor(
        repSchemeFor(assessment.goal, slot.role, assessment.experienceLevel, exercise.type === "bodyweight"),
        exercise.measure,
      );
      dayExercises.push({
        exerciseId: exercise.id,
        name: exercise.name,
        targetSets: scheme.sets,
        targetRepsMin: scheme.repsMin,
        targetRepsMax: scheme.repsMax,
        why: whyThisExercise(pick, slot),
      });
    }
    return { name: template.name, exercises: dayExercises };
  });

  const notes: string[] = [];
  if (daysPerWeek === 1)
    notes.push("One day a week: a single full-body session. A second day would let each muscle get more weekly work.");
  if (daysPerWeek === 5) notes.push("Five days: push and pull twice a week, legs once. Choose six days to train legs twice.");
  if (daysPerWeek === 7) {
    notes.push(
      "Seven days asked for: this is the six-day push/pull/legs rotation with the seventh day as rest. Muscles adapt while they recover; a weekly rest day keeps the program sustainable.",
    );
  }
  // A slot skipped on one day but filled on another (its only candidate was already in that day) is
  // trained that week; only slots never filled are worth telling the athlete about.
  const neverFilled = [...leftOut].filter((label) => !filled.has(label));
  if (neverFilled.length > 0) {
    notes.push(
      `Nothing in the library fits your equipment for: ${listWords(neverFilled)}. Adding equipment in your profile widens the choice.`,
    );
  }

  const name = `${split.label}, ${daysPerWeek === 7 ? 6 : daysPerWeek} day${daysPerWeek === 1 ? "" : "s"} a week, for ${GOAL_LABELS[assessment.goal]}`;
  return { name, notes, days };
}
