/**
 * Signing in on staging: an anonymized copy holds no password, so importing one names a staging admin
 * and issues them a one-time reset link (the password reset service's, stored hashed, valid for an
 * hour), which the operator opens to set a password of their own.
 */
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { resetLinkPath } from "@/lib/mail/messages";
import { issueResetToken } from "@/server/auth/password-reset";
import { DataTransferError, type DumpHeader, dumpHeaderSchema } from "./dump-format";
import type { DumpSource } from "./dump-source";

export interface StagingSignIn {
  email: string;
  /** Whether the account was made an admin for this (it was an athlete in the original). */
  promoted: boolean;
  /** Path of the reset link (`/reset-password/<token>`); the token exists nowhere else. */
  path: string;
  expiresAt: Date;
}

/** The dump's header, read before anything else: whether it is an anonymized copy. */
export async function readDumpHeader(source: DumpSource): Promise<DumpHeader | undefined> {
  for await (const line of source.lines()) {
    if (line.trim() === "") continue;
    try {
      const parsed = dumpHeaderSchema.safeParse(JSON.parse(line));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The staging admin: the user with `email` (a pseudonym of the copy; made an admin if they were not
 * one), or else the first admin by id. Issues their reset link.
 */
export async function prepareStagingSignIn(db: Db, email?: string): Promise<StagingSignIn> {
  const [user] = email
    ? await db
        .select({ id: users.id, email: users.email, role: users.role })
        .from(users)
        .where(eq(users.email, email.trim().toLowerCase()))
    : await db
        .select({ id: users.id, email: users.email, role: users.role })
        .from(users)
        .where(eq(users.role, "admin"))
        .orderBy(asc(users.id))
        .limit(1);
  if (!user) {
    throw new DataTransferError(
      email
        ? `No user of the copy has the email ${email}: name one of its pseudonyms (athlete-<id>@example.invalid).`
        : "The copy has no admin: name the staging admin with --staging-admin athlete-<id>@example.invalid.",
    );
  }
  const promoted = user.role !== "admin";
  if (promoted) await db.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
  const { token, expiresAt } = await issueResetToken(db, { userId: user.id });
  return { email: user.email, promoted, path: resetLinkPath(token), expiresAt };
}
