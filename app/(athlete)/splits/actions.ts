"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import {
  addDayExercise,
  addSplitDay,
  createSplit,
  deleteSplit,
  deleteSplitDay,
  moveDayExercise,
  moveSplit,
  moveSplitDay,
  removeDayExercise,
  renameSplit,
  renameSplitDay,
  updateDayExercise,
} from "@/server/services/splits";
import { addDayExerciseSchema, splitNameSchema, updateDayExerciseSchema } from "@/lib/athlete/split-input";
import { athleteAction } from "@/server/auth/guards";
import { idSchema } from "@/lib/ids";

const id = idSchema;
const direction = z.enum(["up", "down"]);

function refresh(splitId?: number) {
  revalidatePath("/splits");
  if (splitId) revalidatePath(`/splits/${splitId}`);
  revalidatePath("/log");
}

export const createSplitAction = athleteAction(splitNameSchema, async ({ name }, user) => {
  const splitId = await createSplit(await getDb(), user.id, name);
  refresh();
  redirect(`/splits/${splitId}`);
});

export const renameSplitAction = athleteAction(splitNameSchema.extend({ splitId: id }), async ({ splitId, name }, user) => {
  await renameSplit(await getDb(), user.id, splitId, name);
  refresh(splitId);
  return { status: "success", message: "Renamed." };
});

export const moveSplitAction = athleteAction(z.object({ splitId: id, direction }), async ({ splitId, direction }, user) => {
  await moveSplit(await getDb(), user.id, splitId, direction);
  refresh();
});

export const deleteSplitAction = athleteAction(z.object({ splitId: id }), async ({ splitId }, user) => {
  await deleteSplit(await getDb(), user.id, splitId);
  refresh();
  redirect("/splits");
});

export const addDayAction = athleteAction(splitNameSchema.extend({ splitId: id }), async ({ splitId, name }, user) => {
  await addSplitDay(await getDb(), user.id, splitId, name);
  refresh(splitId);
  return { status: "success", message: `Added ${name}.` };
});

export const renameDayAction = athleteAction(
  splitNameSchema.extend({ dayId: id, splitId: id }),
  async ({ dayId, splitId, name }, user) => {
    await renameSplitDay(await getDb(), user.id, dayId, name);
    refresh(splitId);
    return { status: "success", message: "Renamed." };
  },
);

export const moveDayAction = athleteAction(
  z.object({ dayId: id, splitId: id, direction }),
  async ({ dayId, splitId, direction }, user) => {
    await moveSplitDay(await getDb(), user.id, dayId, direction);
    refresh(splitId);
  },
);

export const deleteDayAction = athleteAction(z.object({ dayId: id, splitId: id }), async ({ dayId, splitId }, user) => {
  await deleteSplitDay(await getDb(), user.id, dayId);
  refresh(splitId);
});

export const addDayExerciseAction = athleteAction(addDayExerciseSchema, async ({ dayId, exerciseId, ...targets }, user) => {
  await addDayExercise(await getDb(), user.id, dayId, exerciseId, targets);
  refresh();
  return { status: "success", message: "Exercise added." };
});

export const updateDayExerciseAction = athleteAction(updateDayExerciseSchema, async ({ itemId, ...targets }, user) => {
  await updateDayExercise(await getDb(), user.id, itemId, targets);
  refresh();
  return { status: "success", message: "Saved." };
});

export const moveDayExerciseAction = athleteAction(z.object({ itemId: id, direction }), async ({ itemId, direction }, user) => {
  await moveDayExercise(await getDb(), user.id, itemId, direction);
  refresh();
});

export const removeDayExerciseAction = athleteAction(z.object({ itemId: id }), async ({ itemId }, user) => {
  await removeDayExercise(await getDb(), user.id, itemId);
  refresh();
});
