"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { regenerateProgram } from "@/server/services/program";
import { copySplit } from "@/server/services/splits";
import { athleteAction } from "@/server/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { getGeneratedProgram } from "@/server/queries/splits";

/** Rebuild the program and say what happened, also when the same answers gave the same program. */
export const regenerateProgramAction = athleteAction(z.object({}), async (_input, user) => {
  const { changed } = await regenerateProgram(await getDb(), user.id);
  revalidatePath("/program");
  redirect(`/program?regenerated=${changed ? "changed" : "same"}`);
});

/** Copy the generated program into a custom split the athlete can edit, and open it. */
export const copyProgramAction = athleteAction(z.object({}), async (_input, user) => {
  const db = await getDb();
  const program = await getGeneratedProgram(db, user.id);
  if (!program) throw new NotFoundError("Your program");
  const id = await copySplit(db, user.id, program.id, `My ${program.name.split(",")[0].toLowerCase()} split`);
  revalidatePath("/splits");
  redirect(`/splits/${id}?copied=1`);
});
