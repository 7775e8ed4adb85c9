import { createHash } from "node:crypto";
import * as argon2 from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/**
 * Django password hashes of known passwords, made the way django/contrib/auth/hashers.py makes them.
 * The PBKDF2 ones are fixed strings computed with Python's hashlib.pbkdf2_hmac (what Django itself
 * calls), so the check does not rest on the code under test: base64(pbkdf2_hmac(digest, password,
 * salt, iterations)). Several iteration counts (Django 1.x's 20 000 to 3.2's 260 000) and salts.
 */
export const DJANGO_PBKDF2_FIXTURES = [
  {
    password: "correct horse battery",
    hash: "pbkdf2_sha256$1000$Xk3bS9qLmP0aZ2wE7rT1yU$S+TxZb2B00p4DoxoyE0NUjmmBJsm9fPkEhdLhq6FaWA=",
  },
  {
    password: "correct horse battery",
    hash: "pbkdf2_sha256$20000$q7Hn2Lw9Vb4Rt6Ys1Mk8Pd$wq6oXZldZGUGntQPvUw/aU2SdiEvp+kgAjNtoAYByh4=",
  },
  { password: "lètmein ünïcode", hash: "pbkdf2_sha256$260000$seasalt$mkorqPNfRggdx9A7T+INOtCqHBVwzcEtUtdu+wzKAfk=" },
  { password: "correct horse battery", hash: "pbkdf2_sha1$30000$J2mQp8Zr5Tn1Wx7Kc4Lv9B$PnnCSNX32BdjEQ5Lte8YGGNtigw=" },
] as const;

/** Django's Argon2PasswordHasher: argon2id, time_cost 2, memory_cost 102 400 KiB, parallelism 8, "argon2" before the PHC string. */
export async function djangoArgon2(password: string): Promise<string> {
  return `argon2${await argon2.hash(password, { algorithm: 2 /* Algorithm.Argon2id */, timeCost: 2, memoryCost: 102_400, parallelism: 8 })}`;
}

/** Django's BCryptSHA256PasswordHasher: bcrypt over the hex SHA-256 of the password (cost 4 here for speed; Django uses 12). */
export async function djangoBcryptSha256(password: string): Promise<string> {
  return `bcrypt_sha256$${await bcrypt.hash(createHash("sha256").update(password).digest("hex"), 4)}`;
}
