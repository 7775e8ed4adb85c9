"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/ids";
import { endpointSchema } from "@/lib/webhooks/endpoint-input";
import { getDb } from "@/server/db";
import { athleteAction } from "@/server/auth/guards";
import { createEndpoint, deleteEndpoint, enableEndpoint, sendTestEvent, webhookSettings } from "@/server/webhooks/endpoints";

const PAGE = "/profile/webhooks";

/** Validated with the rules of this deployment: https only in production on PostgreSQL. */
const newEndpointSchema = z.lazy(() => endpointSchema({ requireHttps: webhookSettings().requireHttps }));

export const createEndpointAction = athleteAction<typeof newEndpointSchema>(newEndpointSchema, async (input, user) => {
  const { secret } = await createEndpoint(await getDb(), user.id, input);
  revalidatePath(PAGE);
  return { status: "success", message: "Endpoint added.", data: { secret } };
});

const endpointRef = z.object({ endpointId: idSchema });

export const deleteEndpointAction = athleteAction(endpointRef, async ({ endpointId }, user) => {
  await deleteEndpoint(await getDb(), user.id, endpointId);
  revalidatePath(PAGE);
});

export const enableEndpointAction = athleteAction(endpointRef, async ({ endpointId }, user) => {
  await enableEndpoint(await getDb(), user.id, endpointId);
  revalidatePath(PAGE);
  return { status: "success", message: "Turned back on: new events will be sent." };
});

export const sendTestEventAction = athleteAction(endpointRef, async ({ endpointId }, user) => {
  const result = await sendTestEvent(await getDb(), user.id, endpointId, { allowPrivate: webhookSettings().allowPrivate });
  revalidatePath(PAGE);
  if (result.outcome === "sent")
    return { status: "success", message: `Delivered: your endpoint answered ${result.responseStatus}.` };
  return { status: "error", message: `Not delivered: ${result.lastError ?? "the delivery is already being sent."}` };
});
