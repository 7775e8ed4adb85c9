import type { AssessmentDefaults } from "./assessment-form";
import type { Assessment } from "@/db/schema";
import { equipmentPrefill } from "@/lib/athlete/assessment";

/** The assessment form pre-filled from a stored assessment (legacy equipment values included). */
export function assessmentDefaults(row: Assessment | null): AssessmentDefaults {
  const { equipment, items } = equipmentPrefill(row?.equipment, row?.equipmentItems);
  return {
    sport: row?.sport ?? "",
    age: row?.age ? String(row.age) : "",
    experienceLevel: row?.experienceLevel ?? "",
    goal: row?.goal ?? "",
    daysPerWeek: row?.daysPerWeek ? String(row.daysPerWeek) : "",
    equipment,
    items,
  };
}
