"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getDb } from "@/server/db";
import { athleteAction } from "@/server/auth/guards";
import { signOut } from "@/server/auth/config";
import { currentSession } from "@/server/auth/session";
import { changePassword } from "@/server/auth/change-password";
import { endAuthSession, endUserSessions } from "@/server/auth/auth-sessions";
import { appThrottles } from "@/server/auth/throttle";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { NotSignedInError } from "@/lib/errors";

async function callerSid(): Promise<string> {
  const session = await currentSession();
  if (!session) throw new NotSignedInError();
  return session.sid;
}

export const changePasswordAction = athleteAction(changePasswordSchema, async (input, user) => {
  const { endedSessions } = await changePassword(await getDb(), await appThrottles(), {
    user,
    sid: await callerSid(),
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  revalidatePath("/profile");
  const others =
    endedSessions === 0 ? "" : ` ${endedSessions} other device${endedSessions === 1 ? " was" : "s were"} signed out.`;
  return { status: "success", message: `Password changed.${others}` };
});

export const endDeviceSessionAction = athleteAction(
  z.object({ sessionId: z.string().uuid("Unknown device.") }),
  async (input, user) => {
    // Ending this device's own session is signing out: the cookie goes too.
    if (input.sessionId === (await callerSid())) return void (await signOut({ redirectTo: "/sign-in" }));
    await endAuthSession(await getDb(), { id: input.sessionId, userId: user.id });
    revalidatePath("/profile");
    return { status: "success", message: "That device is signed out." };
  },
);

export const signOutEverywhereAction = athleteAction(z.object({}), async (_input, user) => {
  await endUserSessions(await getDb(), user.id);
  await signOut({ redirectTo: "/sign-in" });
});
