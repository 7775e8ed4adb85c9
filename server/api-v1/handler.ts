import "server-only";

/**
 * The /api/v1 request pipeline: find the operation, know the caller (a personal access token, or the
 * app's own session cookie from a same-origin page), throttle a token, check a token may write, read
 * and validate the input, run it (once per Idempotency-Key for writes), and answer JSON. Every error
 * has one shape, `{ "error": { "code", "message", "fields" } }`; another athlete's ids are 404.
 */
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import type { ApiErrorBody } from "@/lib/api/resources";
import { issuesByPath } from "@/lib/athlete/session-sync";
import { GENERIC_ERROR_MESSAGE, UserFacingError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-body";
import { API_BODY_LIMIT } from "@/lib/http/limits";
import { z } from "@/lib/zod";
import type { Throttles } from "@/server/auth/throttle";
import { authenticateApiToken } from "./tokens";
import { IDEMPOTENCY_KEY_PATTERN, requestFingerprint, runIdempotent, type ApiAnswer } from "./idempotency";
import { matchOperation } from "./operations";

export interface ApiContext {
  db: Db;
  throttles: Throttles;
  /** The user signed in by the app's session cookie, if any. */
  sessionUser(): Promise<User | null>;
  now?: () => Date;
}

class ApiError extends UserFacingError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly fields: Record<string, string[]> | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message, { status, code });
  }
}

function errorResponse(status: number, code: string, message: string, fields: Record<string, string[]> | null, headers = {}) {
  const body: ApiErrorBody = { error: { code, message, fields } };
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

function answer({ status, body }: ApiAnswer, headers: Record<string, string> = {}): Response {
  const all = { "cache-control": "no-store", ...headers };
  // A file (a FIT download) is answered as its operation made it, never kept by a cache.
  if (body instanceof Response) {
    for (const [name, value] of Object.entries(all)) body.headers.set(name, value);
    return body;
  }
  return status === 204 ? new Response(null, { status, headers: all }) : Response.json(body, { status, headers: all });
}

const invalid = (error: z.ZodError) =>
  new ApiError(422, "invalid_request", "Some values are not valid: see `fields`.", issuesByPath(error));

/**
 * Route handlers have no CSRF protection of their own (server actions check the Origin; these do not),
 * so a cookie caller must show it comes from this site's own pages: `Sec-Fetch-Site: same-origin` from
 * a browser that sends it, else an `Origin` equal to this one. A read may also come from the address
 * bar (`none`) or a tool that sends neither; a write may not.
 */
function sameOrigin(request: Request, writes: boolean): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || (!writes && site === "none");
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(request.url).origin;
  return !writes;
}

async function caller(context: ApiContext, request: Request, writes: boolean, now: Date): Promise<User> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const found = token ? await authenticateApiToken(context.db, token, now) : null;
    const challenge = { "www-authenticate": 'Bearer realm="ironlog", error="invalid_token"' };
    if (!found)
      throw new ApiError(401, "invalid_token", "This token is not valid: it may be revoked or expired.", null, challenge);
    const state = await context.throttles.apiRequests.check(String(found.tokenId));
    if (!state.allowed)
      throw new ApiError(
        429,
        "rate_limited",
        `Too many requests with this token: wait ${state.retryAfterSeconds} seconds.`,
        null,
        { "retry-after": String(state.retryAfterSeconds) },
      );
    await context.throttles.apiRequests.count(String(found.tokenId));
    if (writes && found.access !== "read_write")
      throw new ApiError(403, "read_only_token", "This token may only read. Make a read-and-write token to change data.");
    return found.user;
  }
  const user = await context.sessionUser();
  if (!user)
    throw new ApiError(401, "unauthenticated", "Send a personal access token: Authorization: Bearer <token>.", null, {
      "www-authenticate": 'Bearer realm="ironlog"',
    });
  if (!sameOrigin(request, writes))
    throw new ApiError(403, "cross_origin", "Requests with the app's cookie must come from its own pages.");
  return user;
}

function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  return query;
}

/** Handle one request to /api/v1/<segments>. */
export async function handleApiRequest(context: ApiContext, request: Request, segments: readonly string[]): Promise<Response> {
  const now = context.now?.() ?? new Date();
  try {
    const match = matchOperation(request.method, segments);
    if (!match) throw new ApiError(404, "not_found", "There is no such API path. See /api/v1/openapi.json.");
    if ("allowed" in match)
      throw new ApiError(405, "method_not_allowed", `Use ${match.allowed.join(", ")} here.`, null, {
        allow: match.allowed.join(", "),
      });
    const { operation } = match;
    const user = await caller(context, request, operation.writes, now);

    const params = operation.params ? operation.params.safeParse(match.params) : { success: true as const, data: {} };
    if (!params.success) throw new ApiError(404, "not_found", "That was not found.");
    const url = new URL(request.url);
    const query = (operation.query ?? z.object({}).strict()).safeParse(queryObject(url));
    if (!query.success) throw invalid(query.error);
    let raw: unknown = undefined;
    let body: unknown = undefined;
    if (operation.body) {
      raw = await readJsonBody(request, { limitBytes: API_BODY_LIMIT });
      const parsed = operation.body.safeParse(raw);
      if (!parsed.success) throw invalid(parsed.error);
      body = parsed.data;
    }

    const input = { user, params: params.data, query: query.data, body, now };
    const key = request.headers.get("idempotency-key");
    if (!operation.writes || key === null) return answer(await operation.run({ ...input, db: context.db }));
    if (!IDEMPOTENCY_KEY_PATTERN.test(key))
      throw new ApiError(422, "invalid_request", "An Idempotency-Key is 1 to 200 visible ASCII characters, such as a UUID.");
    const result = await runIdempotent(
      context.db,
      { userId: user.id, key, fingerprint: requestFingerprint(request.method, url.pathname, raw), now },
      (tx) => operation.run({ ...input, db: tx }),
    );
    return answer(result, result.replayed ? { "idempotent-replayed": "true" } : {});
  } catch (error) {
    if (error instanceof ApiError)
      return errorResponse(error.status, error.options.code!, error.message, error.fields, error.headers);
    if (error instanceof UserFacingError) {
      const { code, field } = error.options;
      const status = field && error.status === 400 ? 422 : error.status;
      return errorResponse(
        status,
        code ?? (status === 404 ? "not_found" : "invalid_request"),
        error.message,
        field ? { [field]: [error.message] } : null,
      );
    }
    console.error("API request failed", error);
    return errorResponse(500, "internal", GENERIC_ERROR_MESSAGE, null);
  }
}
