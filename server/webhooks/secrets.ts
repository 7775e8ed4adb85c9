import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/server/env";

/**
 * Webhook signing secrets. A delivery is signed with the secret itself, so it is kept, not hashed: sealed
 * with AES-256-GCM under a key derived from AUTH_SECRET (which every instance shares), so a copy of the
 * database alone signs nothing. The athlete sees the secret once, when the endpoint is made.
 */
const SEALED_PREFIX = "v1";

function sealingKey(keyMaterial: string): Buffer {
  return Buffer.from(hkdfSync("sha256", keyMaterial, "ironlog", "webhook signing secrets", 32));
}

export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function sealSecret(secret: string, keyMaterial = authSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(keyMaterial), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [SEALED_PREFIX, iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The secret, or an error when it was sealed under another AUTH_SECRET (a deliverer records it as the failure). */
export function openSecret(sealed: string, keyMaterial = authSecret()): string {
  const [prefix, iv, tag, data] = sealed.split(".");
  if (prefix !== SEALED_PREFIX || !iv || !tag || !data)
    throw new Error("The endpoint's secret is unreadable: create the endpoint again.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(keyMaterial), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("The endpoint's secret was sealed under another AUTH_SECRET: create the endpoint again.");
  }
}
