"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db";
import { saveAssessment } from "@/server/services/program";
import { assessmentSchema } from "@/lib/athlete/assessment";
import { athleteAction } from "@/server/auth/guards";

/** Onboarding: store the answers and build the program, then show it. */
export const saveOnboardingAction = athleteAction(assessmentSchema, async (answers, user) => {
  await saveAssessment(await getDb(), user.id, answers);
  revalidatePath("/", "layout");
  redirect("/program?welcome=1");
});

/** The same answers edited from the profile: stay on the page and say what happened. */
export const saveProfileAssessmentAction = athleteAction(assessmentSchema, async (answers, user) => {
  await saveAssessment(await getDb(), user.id, answers);
  revalidatePath("/", "layout");
  return { status: "success", message: "Saved. Your program was rebuilt from your new answers." };
});
