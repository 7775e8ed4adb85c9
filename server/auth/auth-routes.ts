import "server-only";
import type { NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/auth/schemas";
import { handlers } from "./config";
import { withSignInThrottle } from "./sign-in-route";

/**
 * A callback Auth.js accepts: a same-site path, or an http(s) URL on the host the request came to (the
 * X-Forwarded-Host or Host header, as Auth.js reads it with trustHost; request.url may spell it otherwise).
 */
function acceptableCallback(value: string, host: string | null): boolean {
  if (safeRedirectPath(value, "") === value) return true;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === host;
  } catch {
    return false;
  }
}

/**
 * Auth.js answers a callback URL it refuses (another origin, text that is no URL) with a 500 "server
 * configuration" error. The same refusal here is a 400 that says what was wrong; everything else goes
 * to Auth.js unchanged. (The callback-url cookie is Auth.js's own, set from its own base: not checked.)
 */
function refusingBadCallbacks(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    const url = new URL(request.url);
    const candidates = url.searchParams.getAll("callbackUrl");
    if (request.method === "POST" && request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(await request.clone().text());
      candidates.push(...form.getAll("callbackUrl"));
    }
    if (
      candidates.some(
        (value) => !acceptableCallback(value, request.headers.get("x-forwarded-host") ?? request.headers.get("host")),
      )
    ) {
      return Response.json({ error: "That sign-in return address is not allowed.", code: "invalid_callback" }, { status: 400 });
    }
    return handler(request);
  };
}

export const GET = refusingBadCallbacks(handlers.GET);
// Throttled sign-ins are answered 429 before Auth.js sees them (./sign-in-route).
export const POST = refusingBadCallbacks(withSignInThrottle(handlers.POST));
