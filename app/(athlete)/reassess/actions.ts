"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db";
import { saveEquipmentReassessment } from "@/server/services/program";
import { equipmentAnswerSchema } from "@/lib/athlete/assessment";
import { athleteAction } from "@/server/auth/guards";

/** Re-assessment: new equipment, flag cleared, program rebuilt (one transaction), then the new program. */
export const saveReassessmentAction = athleteAction(equipmentAnswerSchema, async (answer, user) => {
  await saveEquipmentReassessment(await getDb(), user.id, answer);
  revalidatePath("/", "layout");
  redirect("/program?reassessed=1");
});
