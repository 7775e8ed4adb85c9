"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { customExerciseSchema } from "@/lib/athlete/custom-exercise";
import { athleteAction } from "@/server/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { createCustomExercise, deleteCustomExercise } from "@/server/services/custom-exercises";
import { idSchema } from "@/lib/ids";

export const createCustomExerciseAction = athleteAction(customExerciseSchema, async (input, user) => {
  const id = await createCustomExercise(await getDb(), user.id, input);
  revalidatePath("/exercises");
  redirect(`/exercises/${id}?created=1`);
});

export const deleteCustomExerciseAction = athleteAction(z.object({ exerciseId: idSchema }), async ({ exerciseId }, user) => {
  if (!(await deleteCustomExercise(await getDb(), user.id, exerciseId))) throw new NotFoundError("That exercise");
  revalidatePath("/exercises");
  redirect("/exercises");
});
