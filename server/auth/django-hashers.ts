import "server-only";
import { createHash, pbkdf2, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import * as argon2 from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import type { PasswordFormat } from "./passwords";

/**
 * The old Django system's password hashes, as `manage.py dumpdata` writes them in auth.user.password,
 * so a migrated user signs in with their old password. Each is verified once and then replaced by
 * argon2id (needsUpgrade is always true): after a user's first sign-in nothing legacy is left.
 *
 * Formats (django/contrib/auth/hashers.py):
 * - `pbkdf2_sha256$<iterations>$<salt>$<base64 of 32 bytes>` (Django's default) and
 *   `pbkdf2_sha1$<iterations>$<salt>$<base64 of 20 bytes>`: PBKDF2 over the password with the salt's
 *   UTF-8 bytes. node:crypto's pbkdf2 runs on libuv's thread pool, so 600 000 iterations do not block
 *   other requests; the iteration count comes from the hash and is bounded, so a crafted hash cannot
 *   make one sign-in run for minutes.
 * - `argon2$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>` (also argon2i): Django's prefix before a standard
 *   PHC string, which @node-rs/argon2 verifies.
 * - `bcrypt_sha256$$2b$12$…`: bcrypt over the hex SHA-256 of the password (Django's way around
 *   bcrypt's 72-byte limit), verified with bcryptjs.
 * Unusable passwords (`!…`, Django's set_unusable_password) and empty ones are not hashes at all: the
 * importer stores them as "no password".
 */

const pbkdf2Async = promisify(pbkdf2);
/** Django 5.2 uses 1 000 000; anything far above is not a real Django hash. */
const MAX_PBKDF2_ITERATIONS = 5_000_000;

function pbkdf2Format(id: "pbkdf2_sha256" | "pbkdf2_sha1", digest: "sha256" | "sha1"): PasswordFormat {
  const pattern = new RegExp(`^${id}\\$(\\d{1,7})\\$([^$]+)\\$([A-Za-z0-9+/]+={0,2})$`);
  return {
    id: `django-${id}`,
    // By the whole shape, so the importer keeps (and counts as usable) only hashes that can verify.
    recognises: (hash) => pattern.test(hash),
    async verify(password, hash) {
      const match = pattern.exec(hash);
      if (!match) return false;
      const iterations = Number(match[1]);
      const expected = Buffer.from(match[3], "base64");
      if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS || expected.length === 0) return false;
      const actual = await pbkdf2Async(password, match[2], iterations, expected.length, digest);
      return timingSafeEqual(actual, expected);
    },
    needsUpgrade: () => true,
  };
}

const djangoArgon2: PasswordFormat = {
  id: "django-argon2",
  recognises: (hash) => /^argon2\$argon2(id|i)\$/.test(hash),
  verify: (password, hash) => argon2.verify(hash.slice("argon2".length), password),
  needsUpgrade: () => true,
};

const djangoBcryptSha256: PasswordFormat = {
  id: "django-bcrypt_sha256",
  recognises: (hash) => /^bcrypt_sha256\$\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash),
  verify: (password, hash) =>
    bcrypt.compare(createHash("sha256").update(password, "utf8").digest("hex"), hash.slice("bcrypt_sha256$".length)),
  needsUpgrade: () => true,
};

export const DJANGO_FORMATS: readonly PasswordFormat[] = [
  pbkdf2Format("pbkdf2_sha256", "sha256"),
  pbkdf2Format("pbkdf2_sha1", "sha1"),
  djangoArgon2,
  djangoBcryptSha256,
];
