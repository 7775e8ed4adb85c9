/**
 * The demo assessments, in the proportions of a real legacy table: mostly valid single choices, a
 * share of rows still in the old multi-select (array) format, `basic_equipment` rows without items
 * (the equipment migration flags them) and a few invalid values (it reports them as errors).
 */
import type { EquipmentItem } from "@/lib/equipment";
import { TRAINING_GOALS } from "../lib/training/types";

export interface SeedAssessment {
  sport: string;
  age: number;
  experienceLevel: "beginner" | "intermediate" | "advanced";
  goal: "strength" | "hypertrophy" | "endurance" | "general_fitness";
  daysPerWeek: number;
  equipment: unknown;
  equipmentItems: unknown;
}

// Bulk rows; the demo accounts add 2 valid, 1 legacy array and 3 basic-without-items: 115 : 25 : 10 : 5 in all.
export const SEED_PROPORTIONS = { valid: 113, legacyArrays: 24, basicWithoutItems: 7, invalid: 5 } as const;

const SPORTS = [
  "Powerlifting",
  "Running",
  "Football",
  "Basketball",
  "Climbing",
  "Rowing",
  "Cycling",
  "General fitness",
  "Tennis",
  "Swimming",
];
const LEVELS = ["beginner", "intermediate", "advanced"] as const;
const ITEM_SETS: EquipmentItem[][] = [
  ["dumbbells"],
  ["dumbbells", "bench"],
  ["dumbbells", "bench", "pull_up_bar"],
  ["kettlebells", "resistance_bands"],
  ["pull_up_bar", "resistance_bands", "jump_rope"],
  ["barbell", "squat_rack", "bench"],
];
const LEGACY_ARRAYS: unknown[] = [
  ["basic_equipment", "full_gym"],
  ["no_equipment", "basic_equipment"],
  ["full_gym"],
  ["no_equipment"],
  ["basic_equipment"],
  ["no_equipment", "full_gym", "basic_equipment"],
  ["full_gym", "full_gym"],
];
/** Values the migration must report as errors and leave alone. */
export const INVALID_EQUIPMENT: { equipment: unknown; equipmentItems: unknown }[] = [
  { equipment: "home_gym", equipmentItems: null },
  { equipment: [], equipmentItems: null },
  { equipment: ["full_gym", "treadmill"], equipmentItems: [] },
  { equipment: 42, equipmentItems: null },
  { equipment: "basic_equipment", equipmentItems: "dumbbells" },
];

/** A small deterministic PRNG (mulberry32) so every seed produces the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function profile(random: () => number): Omit<SeedAssessment, "equipment" | "equipmentItems"> {
  return {
    sport: pick(random, SPORTS),
    age: 16 + Math.floor(random() * 45),
    experienceLevel: pick(random, LEVELS),
    goal: pick(random, TRAINING_GOALS),
    daysPerWeek: 2 + Math.floor(random() * 5),
  };
}

/** The bulk legacy-table assessments (demo accounts come on top of these). */
export function bulkSeedAssessments(counts = SEED_PROPORTIONS, seed = 7): SeedAssessment[] {
  const random = seededRandom(seed);
  const rows: SeedAssessment[] = [];
  for (let i = 0; i < counts.valid; i++) {
    const r = random();
    const equipment = r < 0.4 ? "full_gym" : r < 0.75 ? "basic_equipment" : "no_equipment";
    rows.push({ ...profile(random), equipment, equipmentItems: equipment === "basic_equipment" ? pick(random, ITEM_SETS) : [] });
  }
  for (let i = 0; i < counts.legacyArrays; i++) {
    const equipment = LEGACY_ARRAYS[i % LEGACY_ARRAYS.length];
    const hasBasic = (equipment as string[]).includes("basic_equipment");
    // Some legacy basic-equipment answers listed items, some did not (those get flagged).
    const equipmentItems = hasBasic && i % 3 !== 0 ? pick(random, ITEM_SETS) : i % 2 ? null : [];
    rows.push({ ...profile(random), equipment, equipmentItems });
  }
  for (let i = 0; i < counts.basicWithoutItems; i++) {
    rows.push({ ...profile(random), equipment: "basic_equipment", equipmentItems: i % 2 ? null : [] });
  }
  for (let i = 0; i < counts.invalid; i++) {
    rows.push({ ...profile(random), ...INVALID_EQUIPMENT[i % INVALID_EQUIPMENT.length] });
  }
  return rows;
}
