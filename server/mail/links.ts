import "server-only";
import { env } from "@/server/env";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin emailed links start with: APP_URL when set (required in production on PostgreSQL, so a
 * forged Host header can never aim a reset link at another site), else the request's own origin, read
 * as Auth.js reads it with trustHost (X-Forwarded-Host, then Host), which is what the embedded demo has.
 */
export function publicOrigin(headers: Headers): string {
  const configured = env().APP_URL;
  if (configured) return configured;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0].trim();
  const proto = (headers.get("x-forwarded-proto") ?? "http").split(",")[0].trim();
  if (!HOST.test(host)) return `http://localhost:${env().PORT}`;
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
