import "server-only";

/**
 * Personal access tokens: made on the profile, shown once, and sent as `Authorization: Bearer <token>`
 * to /api/v1. The token is 32 random bytes after a recognisable prefix; the database keeps only its
 * SHA-256, the hash reset links use (hashResetToken: a fast hash is enough for a secret with 256 bits of
 * entropy, and lets the lookup be an index hit). A token reaches its owner's data through /api/v1 only:
 * nothing else reads the Authorization header, so admin pages and routes never accept one.
 */
import { randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { type ApiToken, apiTokens, type User, users } from "@/db/schema";
import { API_TOKEN_PREFIX, type ApiTokenAccess, apiTokenExpiry, MAX_API_TOKENS } from "@/lib/api/tokens";
import type { CreateApiTokenInput } from "@/lib/api/token-schema";
import { UserFacingError } from "@/lib/errors";
import { hashResetToken } from "@/server/auth/password-reset";

/** How often a token's "last used" is written: at most once a minute, not on every request. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

/** Make a token for the athlete. Returns the token itself, which exists nowhere else: the page shows it once. */
export async function createApiToken(
  db: Db,
  userId: number,
  input: CreateApiTokenInput,
  now = new Date(),
): Promise<{ id: number; token: string }> {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    // The user's row is locked so two creations at once count each other.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const [{ held }] = await tx
      .select({ held: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    if (held >= MAX_API_TOKENS)
      throw new UserFacingError(`You hold ${MAX_API_TOKENS} tokens already: revoke one you no longer use first.`, {
        field: "name",
      });
    const [created] = await tx
      .insert(apiTokens)
      .values({
        userId,
        name: input.name,
        tokenHash: hashResetToken(token),
        access: input.access,
        createdAt: now,
        expiresAt: apiTokenExpiry(now, input.expiresIn),
      })
      .returning({ id: apiTokens.id });
    return { id: created.id, token };
  });
}

export type ApiTokenListItem = Pick<ApiToken, "id" | "name" | "access" | "createdAt" | "expiresAt" | "lastUsedAt"> & {
  expired: boolean;
};

/** The athlete's tokens that are not revoked, newest first (expired ones too, so they can be revoked). */
export async function listApiTokens(db: DbOrTx, userId: number, now = new Date()): Promise<ApiTokenListItem[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      access: apiTokens.access,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((row) => ({ ...row, expired: row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime() }));
}

/** Revoke one of the athlete's tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: DbOrTx, userId: number, tokenId: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export type TokenCaller = { user: User; tokenId: number; access: ApiTokenAccess };

/**
 * The caller a bearer token names, or null when it names none that works: unknown, revoked, expired,
 * or its account gone. Marks the token used (at most once a minute).
 */
export async function authenticateApiToken(db: DbOrTx, token: string, now = new Date()): Promise<TokenCaller | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashResetToken(token)))
    .limit(1);
  if (!row || row.token.revokedAt || (row.token.expiresAt && row.token.expiresAt.getTime() <= now.getTime())) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.token.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS))),
      ),
    );
  return { user: row.user, tokenId: row.token.id, access: row.token.access };
}
