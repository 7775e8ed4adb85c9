import "server-only";
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db/client";
import { flaggedUserMessage } from "@/lib/mail/messages";

/**
 * Telling flagged users to re-assess (docs/operator-guide.md, "Telling flagged users"). One statement records a notice
 * for every flagged user not yet told about the run that flagged them and queues one message for each
 * new notice: the unique (user, run) constraint decides who is "not yet told", so two admins clicking
 * at once, on two instances, still tell each user once (the second statement waits for the first's
 * rows, then skips them). The messages go out in the background (server/mail/worker.ts).
 */
export async function tellFlaggedUsers(
  db: DbOrTx,
  request: { admin: { id: number; email: string }; origin: string },
): Promise<{ queued: number }> {
  const { subject, text } = flaggedUserMessage(request.origin);
  const [row] = await queryRows<{ queued: number }>(
    db,
    sql`WITH told AS (
          INSERT INTO flagged_user_notices (user_id, flagged_by_run_id, flagged_at, told_by_user_id, told_by)
          SELECT a.user_id, a.flagged_by_run_id, a.flagged_at, ${request.admin.id}, ${request.admin.email}
          FROM assessments a
          WHERE a.needs_reassessment
          ORDER BY a.user_id
          ON CONFLICT ON CONSTRAINT flagged_user_notices_once_per_run DO NOTHING
          RETURNING id, user_id
        ), queued AS (
          INSERT INTO mail_queue (to_address, subject, text_body, flagged_notice_id)
          SELECT u.email, ${subject}, ${text}, told.id FROM told JOIN users u ON u.id = told.user_id
          ORDER BY told.id
          RETURNING 1
        )
        SELECT count(*)::int AS queued FROM queued`,
  );
  return { queued: Number(row?.queued ?? 0) };
}
