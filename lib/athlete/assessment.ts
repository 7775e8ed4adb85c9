/**
 * The onboarding assessment as the forms send it, and what we can recover from what is stored.
 * FormData values are strings, so numbers are coerced; a single ticked checkbox arrives as a string,
 * several as an array.
 */
import { z } from "@/lib/zod";
import {
  EQUIPMENT_CHOICES,
  EQUIPMENT_ITEMS,
  EQUIPMENT_RANK,
  type EquipmentChoice,
  type EquipmentItem,
  isEquipmentChoice,
  isEquipmentItem,
} from "@/lib/equipment";
import { EXPERIENCE_LEVELS, type ExperienceLevel, TRAINING_GOALS, type TrainingGoal } from "@/lib/training/types";
import { ITEMS_REQUIRED_MESSAGE, MAX_DAYS_PER_WEEK, MIN_DAYS_PER_WEEK } from "./assessment-options";
import { type GeneratedProgram, type ProgramExerciseCandidate, generateProgram } from "@/lib/training/program";

export { ITEMS_REQUIRED_MESSAGE } from "./assessment-options";

/** A checkbox group: nothing ticked is absent, one ticked is a string, several are an array. */
const checkboxList = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(EQUIPMENT_ITEMS, { error: "Choose items from the list." })),
);

const equipmentFields = {
  equipment: z.enum(EQUIPMENT_CHOICES, { error: "Choose the equipment you train with." }),
  items: checkboxList,
};

/**
 * Only basic equipment needs the item list; for the other two choices the list says nothing (no
 * equipment owns nothing, a full gym has everything), so it is stored empty.
 */
function requireItemsForBasicEquipment<T extends { equipment: EquipmentChoice; items: EquipmentItem[] }>(
  value: T,
  ctx: z.RefinementCtx,
): void {
  if (value.equipment === "basic_equipment" && value.items.length === 0) {
    ctx.addIssue({ code: "custom", path: ["items"], message: ITEMS_REQUIRED_MESSAGE });
  }
}

function normaliseItems<T extends { equipment: EquipmentChoice; items: EquipmentItem[] }>(value: T): T {
  const items = value.equipment === "basic_equipment" ? [...new Set(value.items)].sort() : [];
  return { ...value, items };
}

export const equipmentAnswerSchema = z
  .object(equipmentFields)
  .superRefine(requireItemsForBasicEquipment)
  .transform(normaliseItems);

export const assessmentSchema = z
  .object({
    sport: z.string().trim().min(1, "Tell us your sport or main activity.").max(60, "Use at most 60 characters."),
    age: z.coerce
      .number({ error: "Enter your age in years." })
      .int("Enter your age in whole years.")
      .min(13, "Ironlog is for athletes aged 13 and over.")
      .max(100, "Enter an age up to 100."),
    experienceLevel: z.enum(EXPERIENCE_LEVELS, { error: "Choose your experience level." }),
    goal: z.enum(TRAINING_GOALS, { error: "Choose your main goal." }),
    daysPerWeek: z.coerce
      .number({ error: "Choose how many days a week you can train." })
      .int("Choose how many days a week you can train.")
      .min(MIN_DAYS_PER_WEEK, `Plan at least ${MIN_DAYS_PER_WEEK} days a week.`)
      .max(MAX_DAYS_PER_WEEK, `Plan at most ${MAX_DAYS_PER_WEEK} days a week; rest days make progress.`),
    ...equipmentFields,
  })
  .superRefine(requireItemsForBasicEquipment)
  .transform(normaliseItems);

export type AssessmentAnswers = z.output<typeof assessmentSchema>;
export type EquipmentAnswer = z.output<typeof equipmentAnswerSchema>;

/**
 * The equipment answer to pre-fill the re-assessment form with. Stored values may be a current single
 * choice, a legacy multi-select array, or junk: take the highest valid choice (full_gym >
 * basic_equipment > no_equipment) and keep only item names we know.
 */
export function equipmentPrefill(
  equipment: unknown,
  equipmentItems: unknown,
): { equipment: EquipmentChoice | null; items: EquipmentItem[] } {
  const candidates = Array.isArray(equipment) ? equipment : [equipment];
  let best: EquipmentChoice | null = null;
  for (const candidate of candidates) {
    if (isEquipmentChoice(candidate) && (best === null || EQUIPMENT_RANK[candidate] > EQUIPMENT_RANK[best])) best = candidate;
  }
  const itemList = Array.isArray(equipmentItems) ? equipmentItems : typeof equipmentItems === "string" ? [equipmentItems] : [];
  const items = [...new Set(itemList.filter(isEquipmentItem))].sort();
  return { equipment: best, items };
}

/** What program generation needs, from a stored assessment whose older rows may lack some answers. */
export type ProgramAnswers = {
  experienceLevel: ExperienceLevel;
  goal: TrainingGoal;
  daysPerWeek: number;
  equipment: EquipmentChoice;
  items: EquipmentItem[];
};

/**
 * Rows imported from other systems may hold only the equipment; plan for them as a beginner training
 * three days a week for general fitness, the safest program, until they complete the assessment.
 */
export function programAnswersFromAssessment(row: {
  experienceLevel: ExperienceLevel | null;
  goal: TrainingGoal | null;
  daysPerWeek: number | null;
  equipment: unknown;
  equipmentItems: unknown;
}): ProgramAnswers {
  const { equipment, items } = equipmentPrefill(row.equipment, row.equipmentItems);
  const days = row.daysPerWeek ?? 3;
  return {
    experienceLevel: row.experienceLevel ?? "beginner",
    goal: row.goal ?? "general_fitness",
    daysPerWeek: Math.min(MAX_DAYS_PER_WEEK, Math.max(MIN_DAYS_PER_WEEK, days)),
    equipment: equipment ?? "no_equipment",
    items: equipment === "basic_equipment" ? items : [],
  };
}

/** The program these answers produce from an already loaded library (many programs, one read). */
export function programFromAnswers(answers: ProgramAnswers, library: readonly ProgramExerciseCandidate[]): GeneratedProgram {
  return generateProgram(
    {
      daysPerWeek: answers.daysPerWeek,
      experienceLevel: answers.experienceLevel,
      goal: answers.goal,
      equipment: answers.equipment,
      equipmentItems: answers.items,
    },
    library,
  );
}
