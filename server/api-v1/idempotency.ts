import "server-only";

/**
 * Idempotent writes for /api/v1: a write sent with an `Idempotency-Key` runs once per athlete and key;
 * the same request sent again (a retry after a lost answer) gets the first answer back and changes
 * nothing. The key's row is inserted in the write's own transaction, before the write: a second request
 * with the key waits on the primary key until the first commits, then finds its answer (or, if the
 * first failed and rolled back, runs itself). Failures are not stored: a request refused for bad input
 * may be corrected and sent again under the same key only if it is the same request.
 */
import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";

/** How long an answer is kept for retries. */
const KEPT_MS = 24 * 60 * 60 * 1000;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export type ApiAnswer = { status: number; body: unknown };

/** What identifies a request under a key: its method, path and body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");
}

export async function runIdempotent(
  db: Db,
  request: { userId: number; key: string; fingerprint: string; now?: Date },
  write: (tx: DbOrTx) => Promise<ApiAnswer>,
): Promise<ApiAnswer & { replayed: boolean }> {
  const now = request.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx
      .delete(apiIdempotencyKeys)
      .where(
        and(eq(apiIdempotencyKeys.userId, request.userId), lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - KEPT_MS))),
      );
    const claimed = await tx
      .insert(apiIdempotencyKeys)
      .values({ userId: request.userId, key: request.key, requestHash: request.fingerprint, status: 0, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: apiIdempotencyKeys.key });
    if (!claimed.length) {
      const [stored] = await tx
        .select()
        .from(apiIdempotencyKeys)
        .where(and(eq(apiIdempotencyKeys.userId, request.userId), eq(apiIdempotencyKeys.key, request.key)));
      if (stored.requestHash !== request.fingerprint)
        throw new UserFacingError("This Idempotency-Key was already used for a different request. Use a new key.", {
          status: 422,
          code: "idempotency_key_reused",
        });
      return { status: stored.status, body: stored.body, replayed: true };
    }
    const answer = await write(tx);
    await tx
      .update(apiIdempotencyKeys)
      .set({ status: answer.status, body: answer.body ?? null })
      .where(and(eq(apiIdempotencyKeys.userId, request.userId), eq(apiIdempotencyKeys.key, request.key)));
    return { ...answer, replayed: false };
  });
}
