import "server-only";
import { emailField } from "@/lib/auth/schemas";
import { retryMessage } from "@/lib/auth/retry-message";
import { requestClientAddress } from "./client-address";
import { appThrottles } from "./throttle";

/**
 * Auth.js's POST handler, answering a throttled credentials sign-in with 429 and Retry-After before
 * Auth.js sees it (Auth.js itself can only redirect with an error code). The form's server action
 * gets the same words from the same throttle.
 */
export function withSignInThrottle<R extends Request>(post: (request: R) => Promise<Response>) {
  return async (request: R): Promise<Response> => {
    if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
      const form = await request
        .clone()
        .formData()
        .catch(() => null);
      const email = emailField.safeParse(form?.get("email"));
      if (email.success) {
        const address = requestClientAddress(request.headers);
        const state = await (await appThrottles()).signIn.check({ email: email.data, address });
        if (!state.allowed) {
          console.warn(
            `[auth] sign-in refused for ${JSON.stringify(email.data)} from ${address}: throttled, retry after ${state.retryAfterSeconds} s (429)`,
          );
          return Response.json(
            { error: retryMessage(state.retryAfterSeconds), code: "throttled" },
            { status: 429, headers: { "Retry-After": String(state.retryAfterSeconds), "cache-control": "no-store" } },
          );
        }
      }
    }
    return post(request);
  };
}
