"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db";
import { athleteAction } from "@/server/auth/guards";
import { importPreview } from "@/server/history-import/import";
import { readPreviewDatesAs } from "@/server/history-import/previews";
import { dateReadingFormSchema, importFormSchema } from "@/lib/history-import/import-form";

export const importHistoryAction = athleteAction(importFormSchema, async (input, user) => {
  const outcome = await importPreview(await getDb(), user.id, input);
  revalidatePath("/history");
  revalidatePath("/progress");
  redirect(`/history?imported=${outcome.importId}`);
});

export const readDatesAsAction = athleteAction(dateReadingFormSchema, async (input, user) => {
  await readPreviewDatesAs(await getDb(), user.id, input.previewId, input.locale);
  revalidatePath(`/history/import/${input.previewId}`);
  redirect(`/history/import/${input.previewId}`);
});
