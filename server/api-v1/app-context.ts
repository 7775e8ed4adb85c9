import "server-only";
import { getDb } from "@/server/db";
import { appThrottles } from "@/server/auth/throttle";
import { currentUser } from "@/server/auth/session";
import { handleApiRequest } from "./handler";

/** /api/v1 on the app's own database, throttles and session cookie. */
export async function handleAppApiRequest(request: Request, segments: readonly string[]): Promise<Response> {
  const [db, throttles] = await Promise.all([getDb(), appThrottles()]);
  return handleApiRequest({ db, throttles, sessionUser: currentUser }, request, segments);
}
