/**
 * How a delivery is signed, the scheme receivers verify (docs/webhooks.md): the header
 * `Ironlog-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the endpoint's secret>`.
 * The timestamp is inside what is signed, so a receiver that refuses old timestamps refuses a replayed
 * delivery; each attempt is signed afresh, so a retry is never too old.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Ironlog-Signature";
/** How old a signed timestamp a receiver should accept: the documented default. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "mismatch" | "too_old" };

/**
 * A receiver's check (the same code as the documented snippet): the signature must match one `v1` in the
 * header, and its timestamp be within the tolerance of now, either way.
 */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  const parts = (header ?? "").split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  const signatures = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v);
  if (!Number.isInteger(t) || signatures.length === 0) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  const matches = signatures.some((s) => {
    const given = Buffer.from(s, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: "mismatch" };
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return { ok: false, reason: "too_old" };
  return { ok: true, timestamp: t };
}
