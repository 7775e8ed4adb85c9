import "server-only";
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db/client";
import type { MailQueueRow } from "@/db/schema";
import { flaggedUserMessage } from "@/lib/mail/messages";

/** "Not yet told": flagged, with no notice about the run that flagged them (NULL run included). */
const NOT_TOLD = sql`NOT EXISTS (
  SELECT 1 FROM flagged_user_notices n WHERE n.user_id = a.user_id AND n.flagged_by_run_id IS NOT DISTINCT FROM a.flagged_by_run_id
)`;

export interface FlaggedNoticePreview {
  subject: string;
  text: string;
  /** Flagged users who would get it now. */
  recipients: number;
}

/** The message exactly as it would be sent, and to how many. */
export async function previewFlaggedNotice(db: DbOrTx, origin: string): Promise<FlaggedNoticePreview> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM assessments a WHERE a.needs_reassessment AND ${NOT_TOLD}`,
  );
  return { ...flaggedUserMessage(origin), recipients: Number(row?.n ?? 0) };
}

export interface FlaggedNoticeSummary {
  told: number;
  sent: number;
  queued: number;
  failed: number;
  /** Told, and re-assessed since (no longer flagged, assessment saved after the notice). */
  reassessedSince: number;
}

export async function flaggedNoticeSummary(db: DbOrTx): Promise<FlaggedNoticeSummary> {
  const [row] = await queryRows<Record<keyof FlaggedNoticeSummary, number>>(
    db,
    sql`SELECT count(*)::int AS told,
               (count(*) FILTER (WHERE m.status = 'sent'))::int AS sent,
               (count(*) FILTER (WHERE m.status IN ('pending', 'sending')))::int AS queued,
               (count(*) FILTER (WHERE m.status = 'failed'))::int AS failed,
               (count(*) FILTER (WHERE a.user_id IS NOT NULL AND NOT a.needs_reassessment AND a.updated_at >= n.told_at))::int AS "reassessedSince"
        FROM flagged_user_notices n
        LEFT JOIN mail_queue m ON m.flagged_notice_id = n.id
        LEFT JOIN assessments a ON a.user_id = n.user_id`,
  );
  return row ?? { told: 0, sent: 0, queued: 0, failed: 0, reassessedSince: 0 };
}

export interface FlaggedNoticeRow {
  noticeId: number;
  userId: number;
  email: string;
  toldAt: Date;
  toldBy: string;
  flaggedByRunId: number | null;
  mailId: number | null;
  delivery: MailQueueRow["status"] | null;
  lastError: string | null;
  sentAt: Date | null;
  reassessedAt: Date | null;
}

/** The most recent notices (failed ones first, so they are never below the fold), with delivery and re-assessment. */
export async function listFlaggedNotices(db: DbOrTx, options: { limit?: number } = {}): Promise<FlaggedNoticeRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT n.id AS "noticeId", n.user_id AS "userId", u.email, n.told_at AS "toldAt", n.told_by AS "toldBy",
               n.flagged_by_run_id AS "flaggedByRunId", m.id AS "mailId", m.status AS delivery, m.last_error AS "lastError",
               m.sent_at AS "sentAt",
               CASE WHEN NOT a.needs_reassessment AND a.updated_at >= n.told_at THEN a.updated_at END AS "reassessedAt"
        FROM flagged_user_notices n
        JOIN users u ON u.id = n.user_id
        LEFT JOIN mail_queue m ON m.flagged_notice_id = n.id
        LEFT JOIN assessments a ON a.user_id = n.user_id
        ORDER BY (m.status = 'failed') DESC NULLS LAST, n.told_at DESC, n.id DESC
        LIMIT ${options.limit ?? 50}`,
  );
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
  return rows.map((r) => ({
    noticeId: Number(r.noticeId),
    userId: Number(r.userId),
    email: String(r.email),
    toldAt: date(r.toldAt)!,
    toldBy: String(r.toldBy),
    flaggedByRunId: r.flaggedByRunId === null ? null : Number(r.flaggedByRunId),
    mailId: r.mailId === null ? null : Number(r.mailId),
    delivery: (r.delivery ?? null) as FlaggedNoticeRow["delivery"],
    lastError: (r.lastError ?? null) as string | null,
    sentAt: date(r.sentAt),
    reassessedAt: date(r.reassessedAt),
  }));
}

/** The ids of every failed notice message (for "Retry all failed"). */
export async function failedNoticeMailIds(db: DbOrTx): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM mail_queue WHERE status = 'failed' AND flagged_notice_id IS NOT NULL ORDER BY id`,
  );
  return rows.map((r) => Number(r.id));
}
