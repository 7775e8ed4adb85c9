/**
 * Environment, read and checked in one place so a missing secret fails loudly with a clear message.
 * Server-only: nothing here may reach the browser bundle.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { embeddedDataDir } from "@/db/client";

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

export function usesEmbeddedDatabase(): boolean {
  return !process.env.DATABASE_URL;
}

let cachedSecret: string | undefined;

/**
 * AUTH_SECRET signs session cookies. On the embedded demo path a random secret is generated once and
 * kept in the data folder (so sessions survive restarts without setup). With a real DATABASE_URL in
 * production there may be several app instances, which must share one secret: refuse to guess.
 */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (cachedSecret) return cachedSecret;
  if (!usesEmbeddedDatabase() && process.env.NODE_ENV === "production") {
    throw new ConfigurationError(
      "AUTH_SECRET is not set. With DATABASE_URL in production, every app instance must share one secret: " +
        "generate one with `openssl rand -base64 32` and set AUTH_SECRET in the environment.",
    );
  }
  const file = path.join(embeddedDataDir(), "auth-secret");
  try {
    cachedSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      cachedSecret = generated;
    } catch {
      // Another process created it first: use theirs.
      cachedSecret = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cachedSecret!;
}

export const APP_VERSION = process.env.npm_package_version ?? "0.1.0";
