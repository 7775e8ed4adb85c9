/**
 * Personal access tokens for the athlete's API (/api/v1): what a token may do and how long it lasts.
 * No zod here: the profile's form imports these in the browser (its schema is ./token-schema.ts). The
 * token itself is made and checked in server/api-v1/tokens.ts.
 */

/** What a token may do: read the athlete's data, or read and write it. The database enum is built from this list. */
export const API_TOKEN_ACCESS = ["read", "read_write"] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];

export const API_TOKEN_ACCESS_LABELS: Record<ApiTokenAccess, string> = {
  read: "Read only",
  read_write: "Read and write",
};

/** Every token starts so, so a leaked one is recognisable (and secret scanners can be told about it). */
export const API_TOKEN_PREFIX = "ilt_";

export const MAX_API_TOKEN_NAME = 60;
/** Tokens an athlete may hold at once (revoked ones excluded): enough for every script and device. */
export const MAX_API_TOKENS = 20;

/** The expiry choices the form offers, in days; "never" is no expiry. */
export const API_TOKEN_EXPIRY_CHOICES = ["never", "7", "30", "90", "365"] as const;
export type ApiTokenExpiry = (typeof API_TOKEN_EXPIRY_CHOICES)[number];
export const API_TOKEN_EXPIRY_LABELS: Record<ApiTokenExpiry, string> = {
  never: "No expiry",
  "7": "7 days",
  "30": "30 days",
  "90": "90 days",
  "365": "1 year",
};

/** When a token made at `now` with this choice expires; null for none. */
export function apiTokenExpiry(now: Date, expiresIn: ApiTokenExpiry): Date | null {
  return expiresIn === "never" ? null : new Date(now.getTime() + Number(expiresIn) * 24 * 60 * 60 * 1000);
}
