"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { updatePlateSetup, updateProfile } from "@/server/services/profile";
import { athleteAction } from "@/server/auth/guards";
import { WEIGHT_UNITS } from "@/lib/training/units";
import { plateSetupSchema } from "@/lib/athlete/plate-setup";

const profileSchema = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(100, "Use at most 100 characters."),
  weightUnit: z.enum(WEIGHT_UNITS, { error: "Choose kilograms or pounds." }),
});

export const updateProfileAction = athleteAction(profileSchema, async (input, user) => {
  await updateProfile(await getDb(), user.id, input);
  revalidatePath("/", "layout");
  return { status: "success", message: "Profile saved." };
});

export const updatePlateSetupAction = athleteAction(plateSetupSchema, async (setup, user) => {
  await updatePlateSetup(await getDb(), user.id, setup);
  revalidatePath("/log", "layout");
  return { status: "success", message: "Bar and plates saved." };
});
