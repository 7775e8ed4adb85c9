"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { updatePlateSetup, updateProfile } from "@/server/services/profile";
import { type ActionState, athleteAction } from "@/server/auth/guards";
import { WEIGHT_UNITS } from "@/lib/training/units";
import { plateSetupSchema } from "@/lib/athlete/plate-setup";
import { fitRangeSchema } from "@/lib/fit/range";
import { requestTimeZone } from "@/server/athlete-page";
import { FIT_MESSAGES, finishedWorkoutsIn } from "@/server/fit/workout-fit";

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

/**
 * Checks the days of a Garmin zip and counts the finished workouts in them, so a wrong day or an
 * empty range is said beside its field; the form then fetches the zip from the route, which checks
 * the same days again.
 */
export const garminRangeAction = athleteAction(fitRangeSchema, async (range, user): Promise<ActionState> => {
  const count = await finishedWorkoutsIn(await getDb(), user.id, range, await requestTimeZone());
  if (count === 0) return { status: "error", fieldErrors: { from: [FIT_MESSAGES.noneInRange] }, values: range };
  const href = `/api/history/fit?${new URLSearchParams(range)}`;
  return {
    status: "success",
    message: `Downloading ${count === 1 ? "1 workout" : `${count} workouts`} as a zip of .fit files.`,
    data: { href },
  };
});
