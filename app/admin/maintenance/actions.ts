"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db";
import { adminAction } from "@/server/auth/guards";
import { endMaintenanceNotice, scheduleMaintenanceNotice } from "@/server/services/maintenance-notices";
import { endNoticeSchema, scheduleNoticeSchema } from "@/lib/maintenance/notice";

export const scheduleNoticeAction = adminAction(scheduleNoticeSchema, async (input, admin) => {
  const notice = await scheduleMaintenanceNotice(await getDb(), admin, input);
  revalidatePath("/admin/maintenance");
  return { status: "success", message: `Maintenance #${notice.id} is scheduled. Users are told from the time you chose.` };
});

export const endNoticeAction = adminAction(endNoticeSchema, async (input, admin) => {
  const notice = await endMaintenanceNotice(await getDb(), admin, input);
  revalidatePath("/admin/maintenance");
  const endedAt = notice.endedAt ?? new Date();
  const told = endedAt >= notice.notifyFrom;
  // A window ended before it began never happened: it is cancelled, not over.
  const message =
    endedAt < notice.startsAt
      ? told
        ? `Maintenance #${notice.id} is cancelled. Users who were told see your message for the next hour.`
        : `Maintenance #${notice.id} is cancelled. Users had not been told yet, so they see nothing.`
      : `Maintenance #${notice.id} is over. Users see your message for the next hour.`;
  return { status: "success", message };
});
