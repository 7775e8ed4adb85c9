import "server-only";
import { randomBytes } from "node:crypto";
import * as argon2 from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { DJANGO_FORMATS } from "./django-hashers";

/**
 * Every password-hash format Ironlog can meet, in one place: what new hashes are made with, how each
 * stored format is recognised and verified, and when a stored hash should be replaced on the next
 * successful sign-in (`needsUpgrade`). A new format (another system's hashes, brought in by an import)
 * is one more entry in STORED_FORMATS.
 *
 * New hashes: argon2id through @node-rs/argon2, a native binding whose hash and verify run on libuv's
 * thread pool, so a burst of sign-ins no longer queues every other request behind it (bcryptjs, pure
 * JavaScript, hashed on the event loop). Parameters: OWASP's argon2id recommendation (19 MiB, 2 passes,
 * 1 lane), also the library's default.
 */
export const ARGON2_POLICY = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordFormat {
  /** A short name for logs and tests: `argon2id`, `bcrypt`. */
  id: string;
  /** Whether a stored hash is in this format (by its prefix; never by trying to verify). */
  recognises(hash: string): boolean;
  verify(password: string, hash: string): Promise<boolean>;
  /** Whether a hash in this format, once verified, should be replaced by a new one. */
  needsUpgrade(hash: string): boolean;
}

const argon2id: PasswordFormat = {
  id: "argon2id",
  recognises: (hash) => hash.startsWith("$argon2id$"),
  verify: (password, hash) => argon2.verify(hash, password),
  needsUpgrade(hash) {
    const used = argon2.parseOptions(hash);
    return (
      used.memoryCost < ARGON2_POLICY.memoryCost ||
      used.timeCost < ARGON2_POLICY.timeCost ||
      used.parallelism !== ARGON2_POLICY.parallelism
    );
  },
};

/** Every hash Ironlog made before argon2id: bcryptjs, cost 11. Verified (once) and replaced. */
const bcryptFormat: PasswordFormat = {
  id: "bcrypt",
  recognises: (hash) => /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash),
  verify: (password, hash) => bcrypt.compare(password, hash),
  needsUpgrade: () => true,
};

/** Checked in order; the first that recognises a hash verifies it. The Django ones come from a legacy import. */
export const STORED_FORMATS: readonly PasswordFormat[] = [argon2id, bcryptFormat, ...DJANGO_FORMATS];

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_POLICY);
}

/** The format of a stored hash, or undefined for one Ironlog cannot verify (it then refuses every password). */
export function passwordFormatOf(hash: string): PasswordFormat | undefined {
  return STORED_FORMATS.find((format) => format.recognises(hash));
}

export interface PasswordCheck {
  valid: boolean;
  /** True when the password was right and the stored hash should be replaced by hashPassword's. */
  needsUpgrade: boolean;
  /** The stored hash's format id, or `none` / `unknown`. */
  format: string;
}

let dummyHash: Promise<string> | undefined;

/**
 * Check a password against a stored hash. With no hash (unknown email, or an imported account that never
 * set a password here) or one in no known format, it still spends one argon2id verification, so the
 * answer's timing does not say which emails have accounts.
 */
export async function checkPassword(password: string, hash: string | null | undefined): Promise<PasswordCheck> {
  const format = hash ? passwordFormatOf(hash) : undefined;
  if (!hash || !format) {
    dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await argon2.verify(await dummyHash, password);
    return { valid: false, needsUpgrade: false, format: hash ? "unknown" : "none" };
  }
  let valid: boolean;
  try {
    valid = await format.verify(password, hash);
  } catch {
    // A damaged hash that still carries a known prefix: refuse, as for a wrong password.
    valid = false;
  }
  return { valid, needsUpgrade: valid && format.needsUpgrade(hash), format: format.id };
}

/** Shorthand when only the yes/no matters (tests, the seed check). */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return (await checkPassword(password, hash)).valid;
}
