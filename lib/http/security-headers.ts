/**
 * The headers every response carries (proxy.ts sets them; next.config.ts for the static files the proxy
 * skips). One list, so the two cannot drift apart.
 */

/** The requested path and query, passed from the proxy to the pages so sign-in can come back to it. */
export const RETURN_TO_HEADER = "x-ironlog-return-to";
/** The request's CSP nonce, for any page that renders its own inline script. */
export const NONCE_HEADER = "x-nonce";

/**
 * Scripts only with this request's nonce ('strict-dynamic' lets them load the app's chunks, such as the
 * charts loaded after the page); no eval outside development (React's dev tools need it there). Styles
 * may be inline: React writes `style` attributes (the charts place their marks with them). Nothing may frame the app.
 */
export function contentSecurityPolicy({
  nonce,
  development,
  https,
}: {
  nonce: string;
  development: boolean;
  https: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws:" : ""}`,
    // The service worker (/serwist/sw.js) and the web app manifest, both the app's own.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over HTTPS: on plain http://localhost it would send the app's own requests to a port that is not there.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers that do not depend on the request (besides HSTS, which only makes sense over HTTPS). */
export function staticSecurityHeaders({ https }: { https: boolean }): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"],
    ...(https ? ([["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]] as [string, string][]) : []),
  ];
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The path and query to come back to after sign-in, without Next's internal `_rsc` cache-buster. */
export function returnToPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete("_rsc");
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
