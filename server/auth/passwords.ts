import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

/** bcrypt cost factor: 2^11 rounds, about 150 ms per hash here, slow enough to resist brute force. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compare a password with a stored hash. With no hash (unknown email, or an imported account that never
 * set a password) it still spends the time of one comparison, so timing does not reveal which emails exist.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash(randomBytes(16).toString("hex"), COST);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
