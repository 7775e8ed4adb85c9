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
  const told = notice.endedAt && notice.endedAt >= notice.notifyFrom;
  return {
    status: "success",
    message: told
      ? `Maintenance #${notice.id} is over. Users see your message for the next hour.`
      : `Maintenance #${notice.id} is cancelled. Users had not been told yet, so they see nothing.`,
  };
});
