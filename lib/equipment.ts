/**
 * The equipment answer of the onboarding assessment, and what each answer lets an athlete train with.
 * The hierarchy is full_gym > basic_equipment > no_equipment (the old multi-select question is
 * converted to the highest choice ticked; see lib/migrations/equipment-single-choice/rules.ts).
 */
export const EQUIPMENT_CHOICES = ["no_equipment", "basic_equipment", "full_gym"] as const;
export type EquipmentChoice = (typeof EQUIPMENT_CHOICES)[number];

export const EQUIPMENT_CHOICE_LABELS: Record<EquipmentChoice, string> = {
  no_equipment: "No equipment",
  basic_equipment: "Basic equipment at home",
  full_gym: "Full gym",
};

/** Rank in the hierarchy: a higher rank wins when several choices were ticked. */
export const EQUIPMENT_RANK: Record<EquipmentChoice, number> = {
  no_equipment: 0,
  basic_equipment: 1,
  full_gym: 2,
};

export function isEquipmentChoice(value: unknown): value is EquipmentChoice {
  return typeof value === "string" && (EQUIPMENT_CHOICES as readonly string[]).includes(value);
}

/**
 * Specific items an athlete with basic equipment can own. Exercises list the items they require in
 * `equipment_required` using these same names (plus gym-only machines such as `cable_machine`).
 */
export const EQUIPMENT_ITEMS = [
  "dumbbells",
  "kettlebells",
  "resistance_bands",
  "pull_up_bar",
  "bench",
  "barbell",
  "squat_rack",
  "jump_rope",
  "dip_station",
  "ab_wheel",
] as const;
export type EquipmentItem = (typeof EQUIPMENT_ITEMS)[number];

export const EQUIPMENT_ITEM_LABELS: Record<EquipmentItem, string> = {
  dumbbells: "Dumbbells",
  kettlebells: "Kettlebells",
  resistance_bands: "Resistance bands",
  pull_up_bar: "Pull-up bar",
  bench: "Bench",
  barbell: "Barbell and plates",
  squat_rack: "Squat rack",
  jump_rope: "Jump rope",
  dip_station: "Dip station / parallel bars",
  ab_wheel: "Ab wheel",
};

/** Equipment only a gym has; never in a home athlete's list. */
export const GYM_ONLY_EQUIPMENT = ["cable_machine", "leg_press", "lat_pulldown_machine", "smith_machine"] as const;

export function isEquipmentItem(value: unknown): value is EquipmentItem {
  return typeof value === "string" && (EQUIPMENT_ITEMS as readonly string[]).includes(value);
}

/**
 * Names in `equipment_required` that are not items an athlete owns. The exercise backfill from the old
 * guide writes `[type]` (e.g. `["bodyweight"]`, `["dumbbell"]`): bodyweight needs nothing, and the
 * singular type names mean the item of the same kind.
 */
const REQUIREMENT_ALIASES: Record<string, string | null> = {
  bodyweight: null,
  dumbbell: "dumbbells",
  kettlebell: "kettlebells",
  band: "resistance_bands",
  cable: "cable_machine",
};

export function normalizedRequirements(required: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of required) {
    const item = name in REQUIREMENT_ALIASES ? REQUIREMENT_ALIASES[name] : name;
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

/** Requirement names that need nothing (an exercise listing only these needs no equipment). */
export const NO_EQUIPMENT_REQUIREMENTS = Object.keys(REQUIREMENT_ALIASES).filter((name) => REQUIREMENT_ALIASES[name] === null);

/**
 * Every requirement name satisfied by owning these items, aliases included: for a SQL containment
 * check (`equipment_required <@ accepted`) that agrees with canPerformWith.
 */
export function requirementNamesSatisfiedBy(ownedItems: readonly string[]): string[] {
  const accepted = new Set([...ownedItems, ...NO_EQUIPMENT_REQUIREMENTS]);
  for (const [alias, item] of Object.entries(REQUIREMENT_ALIASES)) if (item && ownedItems.includes(item)) accepted.add(alias);
  return [...accepted];
}

/**
 * Whether an exercise needing `required` items can be done with this equipment answer:
 * - no equipment: only exercises that need nothing;
 * - basic equipment: exercises whose every required item the athlete owns;
 * - full gym: everything.
 */
export function canPerformWith(choice: EquipmentChoice, ownedItems: readonly string[], required: readonly string[]): boolean {
  if (choice === "full_gym") return true;
  const needs = normalizedRequirements(required);
  if (choice === "no_equipment") return needs.length === 0;
  return needs.every((item) => ownedItems.includes(item));
}
