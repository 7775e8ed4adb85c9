/**
 * Runs before every request (but Next's static files, which next.config.ts gives the same headers):
 * - security headers, with a Content-Security-Policy whose script nonce is new per request (Next reads
 *   it from the request's CSP header and puts it on its own scripts);
 * - the requested path passed on to the pages, so a sign-in redirect from a layout comes back to it;
 * - a server action larger than the limit refused with a message the browser shows (Next's own refusal
 *   would be a bare 500, "An unexpected response was received from the server"), and so is one whose
 *   body is not the JSON React sends, and an address with broken percent-encoding: Next would answer
 *   each with a 500 from its own decoding, before any code of ours runs.
 */
import { type NextRequest, NextResponse } from "next/server";
import { ACTION_TOO_LARGE_MESSAGE, SERVER_ACTION_BODY_LIMIT, UNREADABLE_INPUT_MESSAGE } from "@/lib/http/limits";
import {
  contentSecurityPolicy,
  createNonce,
  NONCE_HEADER,
  RETURN_TO_HEADER,
  returnToPath,
  staticSecurityHeaders,
} from "@/lib/http/security-headers";

/** A plain-text refusal: the browser's action call turns a text/plain error answer into an error with this message. */
function refuse(status: number, message: string, headers: [string, string][]): NextResponse {
  const refusal = new NextResponse(message, { status, headers: { "content-type": "text/plain" } });
  for (const [name, value] of headers) refusal.headers.set(name, value);
  return refusal;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** React sends an action's arguments as JSON text (or multipart, which Next parses with its own checks). */
async function unreadableActionBody(request: NextRequest): Promise<boolean> {
  if (!request.headers.get("content-type")?.startsWith("text/plain")) return false;
  try {
    JSON.parse(await request.text());
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // nextUrl.protocol is https behind a TLS-terminating proxy too (Next reads X-Forwarded-Proto).
  const https = request.nextUrl.protocol === "https:";
  const headers = staticSecurityHeaders({ https });

  if (!decodes(request.nextUrl.pathname)) return refuse(400, "That address is not valid.", headers);
  if (request.method === "POST" && request.headers.has("next-action")) {
    if (Number(request.headers.get("content-length")) > SERVER_ACTION_BODY_LIMIT)
      return refuse(413, ACTION_TOO_LARGE_MESSAGE, headers);
    if (await unreadableActionBody(request)) return refuse(400, UNREADABLE_INPUT_MESSAGE, headers);
  }

  const nonce = createNonce();
  // Inlined at build time: `next dev` needs eval for React's debugging, `next start` never does.
  const csp = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(RETURN_TO_HEADER, returnToPath(request.nextUrl));

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed, immutable, and never HTML) and the history upload,
  // whose body Next would otherwise buffer for the proxy (up to 2 MB, cutting the rest): next.config.ts
  // gives it the security headers instead.
  matcher: ["/((?!_next/static|_next/image|api/history/import).*)"],
};
