"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { adminAction } from "@/server/auth/guards";
import { tellFlaggedUsers } from "@/server/services/flagged-notices";
import { failedNoticeMailIds } from "@/server/queries/flagged-notices";
import { retryFailedMail } from "@/server/mail/queue";
import { publicOrigin } from "@/server/mail/links";
import { wakeAppMailWorker } from "@/server/mail/worker";
import { idSchema } from "@/lib/ids";

/** Queue the re-assessment message for every flagged user not yet told; the worker sends them. */
export const tellFlaggedUsersAction = adminAction(z.object({}), async (_input, admin) => {
  const { queued } = await tellFlaggedUsers(await getDb(), {
    admin: { id: admin.id, email: admin.email },
    origin: publicOrigin(await headers()),
  });
  wakeAppMailWorker();
  revalidatePath("/admin/flagged");
  return {
    status: "success",
    message:
      queued === 0
        ? "Nobody to tell: every flagged user has been told already."
        : `Queued ${queued.toLocaleString("en")} message${queued === 1 ? "" : "s"}. They go out in the background; this page shows each delivery.`,
  };
});

/** A failed delivery (or every failed one) goes back in the queue. */
export const retryNoticeMailAction = adminAction(z.object({ mailId: idSchema.optional() }), async (input) => {
  const db = await getDb();
  const retried = await retryFailedMail(db, input.mailId ? [input.mailId] : await failedNoticeMailIds(db));
  wakeAppMailWorker();
  revalidatePath("/admin/flagged");
  return {
    status: "success",
    message:
      retried === 0
        ? "Nothing to retry: no failed delivery left."
        : `Sending ${retried} message${retried === 1 ? "" : "s"} again.`,
  };
});
