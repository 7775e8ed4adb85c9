/**
 * One legacy assessment per equipment rule, with what the migration must do to it. Shared by the
 * integration tests (engine, report, undo, CLI). `undefined` stands for SQL NULL.
 */
import type { LegacyAssessment } from "./migrations";

export interface EquipmentCase extends LegacyAssessment {
  expected: "migrated" | "flagged" | "skipped" | "error";
  /** jsonb as text after apply (unchanged for skipped and error rows). */
  equipmentAfter?: string;
  itemsAfter?: string | null;
}

export const EQUIPMENT_CASES: EquipmentCase[] = [
  { email: "gym@example.com", equipment: "full_gym", items: undefined, expected: "skipped" },
  { email: "home@example.com", equipment: "basic_equipment", items: ["dumbbells"], expected: "skipped" },
  { email: "none@example.com", equipment: "no_equipment", items: [], expected: "skipped" },
  { email: "basic-sqlnull@example.com", equipment: "basic_equipment", items: undefined, expected: "flagged" },
  { email: "basic-empty@example.com", equipment: "basic_equipment", items: [], expected: "flagged" },
  { email: "basic-jsonnull@example.com", equipment: "basic_equipment", items: null, expected: "flagged" },
  { email: "basic-already@example.com", equipment: "basic_equipment", items: [], needsReassessment: true, expected: "skipped" },
  {
    email: "list-gym@example.com",
    equipment: ["basic_equipment", "full_gym"],
    items: ["bench"],
    expected: "migrated",
    equipmentAfter: '"full_gym"',
    itemsAfter: "[]",
  },
  {
    email: "list-none@example.com",
    equipment: ["no_equipment"],
    items: undefined,
    expected: "migrated",
    equipmentAfter: '"no_equipment"',
    itemsAfter: "[]",
  },
  {
    email: "list-basic@example.com",
    equipment: ["no_equipment", "basic_equipment"],
    items: ["resistance_bands"],
    expected: "migrated",
    equipmentAfter: '"basic_equipment"',
    itemsAfter: '["resistance_bands"]',
  },
  {
    email: "list-basic-noitems@example.com",
    equipment: ["basic_equipment", "basic_equipment"],
    items: null,
    expected: "flagged",
    equipmentAfter: '"basic_equipment"',
    itemsAfter: "null",
  },
  { email: "bad-name@example.com", equipment: "Full_Gym", items: undefined, expected: "error" },
  { email: "empty-list@example.com", equipment: [], items: undefined, expected: "error" },
  { email: "list-unknown@example.com", equipment: ["full_gym", "gym"], items: undefined, expected: "error" },
  { email: "eq-sqlnull@example.com", equipment: undefined, items: undefined, expected: "error" },
  { email: "eq-number@example.com", equipment: 42, items: undefined, expected: "error" },
  { email: "eq-object@example.com", equipment: { full_gym: true }, items: undefined, expected: "error" },
  { email: "eq-boolean@example.com", equipment: true, items: undefined, expected: "error" },
  { email: "items-text@example.com", equipment: "full_gym", items: "dumbbells", expected: "error" },
  { email: "items-number@example.com", equipment: ["full_gym"], items: [1], expected: "error" },
];

export function expectedCounts(cases: EquipmentCase[] = EQUIPMENT_CASES) {
  const count = (status: EquipmentCase["expected"]) => cases.filter((c) => c.expected === status).length;
  return {
    total_processed: cases.length,
    migrated: count("migrated"),
    flagged: count("flagged"),
    skipped: count("skipped"),
    errors: count("error"),
  };
}
