"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db";
import { athleteAction } from "@/server/auth/guards";
import { createApiToken, revokeApiToken } from "@/server/api-v1/tokens";
import { createApiTokenSchema } from "@/lib/api/token-schema";
import { idSchema } from "@/lib/ids";
import { z } from "@/lib/zod";

/** Answers with the token itself, which the page shows once: only its hash is kept. */
export const createApiTokenAction = athleteAction<typeof createApiTokenSchema, unknown>(
  createApiTokenSchema,
  async (input, user) => {
    const { token } = await createApiToken(await getDb(), user.id, input);
    revalidatePath("/profile");
    return { status: "success", message: `Token "${input.name}" created.`, data: { token, name: input.name } };
  },
);

export const revokeApiTokenAction = athleteAction(z.object({ tokenId: idSchema }), async (input, user) => {
  const revoked = await revokeApiToken(await getDb(), user.id, input.tokenId);
  revalidatePath("/profile");
  return revoked
    ? { status: "success", message: "That token is revoked." }
    : { status: "error", message: "That token was already revoked." };
});
