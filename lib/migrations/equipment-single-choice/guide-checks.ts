/**
 * The check of a migrated user (docs/operator-guide.md, "Checking a migrated user"), as pure rules:
 * the equipment reads right and a program can be generated. An assessment reads
 * right when its equipment is one choice (a JSON string of one of the three names) and its items
 * are none or item names; a program works when every day of it has an exercise. The server side
 * (server/migrations/equipment-guide-checks.ts) builds each program with the athletes' own code.
 */
import { isEquipmentChoice } from "@/lib/equipment";
import type { GeneratedProgram } from "@/lib/training/program";

/** Equipment is one choice and items are null or a list of text: what the new question stores. */
export function readsAsSingleChoice(row: { equipment: unknown; equipmentItems: unknown }): boolean {
  const items = row.equipmentItems;
  const itemsOk = items === null || items === undefined || (Array.isArray(items) && items.every((i) => typeof i === "string"));
  return isEquipmentChoice(row.equipment) && itemsOk;
}

/** A program an athlete can train from: at least one day, and an exercise on every day. */
export function programIsUsable(program: GeneratedProgram): boolean {
  return program.days.length > 0 && program.days.every((day) => day.exercises.length > 0);
}
