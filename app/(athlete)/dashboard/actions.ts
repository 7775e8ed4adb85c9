"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { formId } from "@/lib/ids";
import { athleteAction } from "@/server/auth/guards";
import { getDatabase } from "@/server/db";
import { dismissChangeNotice } from "@/server/migrations/change-notices";

const dismissSchema = z.object({ noticeId: formId("This notice is no longer there.") });

/** The athlete has read what a data migration changed in their answer: it is not shown again. */
export const dismissChangeNoticeAction = athleteAction(dismissSchema, async (input, user) => {
  await dismissChangeNotice((await getDatabase()).db, user.id, input.noticeId);
  revalidatePath("/dashboard");
});
