"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { athleteAction } from "@/server/auth/guards";
import { undoImport } from "@/server/history-import/import";
import { idSchema } from "@/lib/ids";

export const undoImportAction = athleteAction(z.object({ importId: idSchema }), async ({ importId }, user) => {
  await undoImport(await getDb(), user.id, importId);
  revalidatePath("/history");
  revalidatePath("/progress");
  redirect(`/history?undone=${importId}`);
});
