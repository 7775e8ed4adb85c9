import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database } from "@/db/client";
import { assessments, flaggedUserNotices, mailQueue, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { linkIn, startTestSmtpServer, type TestSmtpServer } from "@/test/smtp";
import { createSmtpMailer, type Mailer } from "@/server/mail/mailer";
import { deliverPending, retryFailedMail } from "@/server/mail/queue";
import {
  failedNoticeMailIds,
  flaggedNoticeSummary,
  listFlaggedNotices,
  previewFlaggedNotice,
} from "@/server/queries/flagged-notices";
import { tellFlaggedUsers } from "./flagged-notices";

const ORIGIN = "http://ironlog.test";
let database: TestDatabase;
let smtp: TestSmtpServer;
let mailer: Mailer;
let admin: { id: number; email: string };
const refused = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtpServer({ refuseRecipient: (address) => refused.has(address) });
  mailer = createSmtpMailer(smtp.url, "Ironlog <no-reply@ironlog.test>");
});
afterAll(async () => {
  await smtp?.close();
  await database?.drop();
});
beforeEach(async () => {
  await database.db.execute(sql`TRUNCATE users, assessments, flagged_user_notices, mail_queue RESTART IDENTITY CASCADE`);
  smtp.received.length = 0;
  refused.clear();
  [admin] = await database.db
    .insert(users)
    .values({ email: "coach@example.com", role: "admin" })
    .returning({ id: users.id, email: users.email });
});

/** Users flagged by `runId` (and one user who is not flagged at all). */
async function flagged(count: number, runId: number | null = 7) {
  const created = await database.db
    .insert(users)
    .values(Array.from({ length: count }, (_, i) => ({ email: `flagged${i}-${runId}@example.com` })))
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  const all = await database.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`${users.email} LIKE ${`flagged%-${runId}@example.com`}`);
  await database.db
    .insert(assessments)
    .values(
      all.map((u) => ({
        userId: u.id,
        equipment: "basic_equipment",
        needsReassessment: true,
        reassessmentReason: "Basic equipment without specific items",
        flaggedAt: new Date(),
        flaggedByRunId: runId,
      })),
    )
    .onConflictDoUpdate({
      target: assessments.userId,
      set: { needsReassessment: true, flaggedByRunId: runId, flaggedAt: new Date() },
    });
  return created;
}

async function drain() {
  while ((await deliverPending(database.db, mailer, { limit: 50 })).claimed > 0);
}

describe("telling flagged users", () => {
  it("previews the message exactly as sent, with the /reassess link and how many get it", async () => {
    await flagged(3);
    const [calm] = await database.db.insert(users).values({ email: "calm@example.com" }).returning();
    await database.db.insert(assessments).values({ userId: calm.id, equipment: "full_gym" });
    const preview = await previewFlaggedNotice(database.db, ORIGIN);
    expect(preview).toMatchObject({ subject: "Please update your equipment details in Ironlog", recipients: 3 });
    expect(preview.text).toContain("We've updated our equipment assessment. Please re-complete your equipment details");
    expect(preview.text).toContain(`${ORIGIN}/reassess`);

    expect(await tellFlaggedUsers(database.db, { admin, origin: ORIGIN })).toEqual({ queued: 3 });
    await drain();
    expect(smtp.received.map((m) => m.to).sort()).toEqual([
      "flagged0-7@example.com",
      "flagged1-7@example.com",
      "flagged2-7@example.com",
    ]);
    for (const mail of smtp.received) {
      expect(mail.subject).toBe(preview.subject);
      expect(linkIn(mail, ORIGIN)).toBe(`${ORIGIN}/reassess`);
      expect(mail.text.trim()).toBe(preview.text);
    }
  });

  it("records who told whom, when, and which run flagged them; a second click emails nobody twice", async () => {
    await flagged(2);
    await tellFlaggedUsers(database.db, { admin, origin: ORIGIN });
    expect(await tellFlaggedUsers(database.db, { admin, origin: ORIGIN })).toEqual({ queued: 0 });
    expect((await previewFlaggedNotice(database.db, ORIGIN)).recipients).toBe(0);
    const notices = await database.db.select().from(flaggedUserNotices);
    expect(notices).toHaveLength(2);
    for (const notice of notices)
      expect(notice).toMatchObject({ flaggedByRunId: 7, toldByUserId: admin.id, toldBy: admin.email, toldAt: expect.any(Date) });
    await drain();
    expect(smtp.received).toHaveLength(2);
  });

  it("tells each user once when two admins send at the same moment", async () => {
    await flagged(25);
    const other: Database = usingPostgres ? await database.openAnother() : database;
    try {
      const [a, b] = await Promise.all([
        tellFlaggedUsers(database.db, { admin, origin: ORIGIN }),
        tellFlaggedUsers(other.db, { admin, origin: ORIGIN }),
      ]);
      expect(a.queued + b.queued).toBe(25);
    } finally {
      if (other !== database) await other.close();
    }
    expect(await database.db.$count(mailQueue)).toBe(25);
  });

  it("tells a user again when a later run flags them again, and only then", async () => {
    await flagged(1, 7);
    await tellFlaggedUsers(database.db, { admin, origin: ORIGIN });
    await flagged(1, 9);
    expect((await previewFlaggedNotice(database.db, ORIGIN)).recipients).toBe(1);
    expect(await tellFlaggedUsers(database.db, { admin, origin: ORIGIN })).toEqual({ queued: 1 });
    expect((await database.db.select().from(flaggedUserNotices)).map((n) => n.flaggedByRunId).sort()).toEqual([7, 9]);
  });

  it("shows who was told, who re-assessed since, and failed deliveries, which a retry sends", async () => {
    await flagged(3);
    refused.add("flagged2-7@example.com");
    await tellFlaggedUsers(database.db, { admin, origin: ORIGIN });
    expect(await flaggedNoticeSummary(database.db)).toEqual({ told: 3, sent: 0, queued: 3, failed: 0, reassessedSince: 0 });
    await deliverPending(database.db, mailer, { limit: 50 });
    // The refused one is retried twice more, then failed.
    await database.db.update(mailQueue).set({ status: "failed", attempts: 3 }).where(eq(mailQueue.status, "pending"));

    // flagged0 re-assesses (what /reassess saves: the flag cleared, the assessment updated).
    const [first] = await database.db.select().from(users).where(eq(users.email, "flagged0-7@example.com"));
    await database.db
      .update(assessments)
      .set({ needsReassessment: false, flaggedAt: null, updatedAt: new Date(Date.now() + 1000) })
      .where(eq(assessments.userId, first.id));

    expect(await flaggedNoticeSummary(database.db)).toEqual({ told: 3, sent: 2, queued: 0, failed: 1, reassessedSince: 1 });
    const list = await listFlaggedNotices(database.db);
    expect(list[0]).toMatchObject({
      email: "flagged2-7@example.com",
      delivery: "failed",
      lastError: expect.stringMatching(/Mailbox unavailable/),
    });
    expect(list.find((n) => n.email === "flagged0-7@example.com")).toMatchObject({
      delivery: "sent",
      reassessedAt: expect.any(Date),
      toldBy: admin.email,
      flaggedByRunId: 7,
    });
    expect(list.find((n) => n.email === "flagged1-7@example.com")?.reassessedAt).toBeNull();

    refused.clear();
    expect(await retryFailedMail(database.db, await failedNoticeMailIds(database.db))).toBe(1);
    await drain();
    expect(await flaggedNoticeSummary(database.db)).toMatchObject({ sent: 3, failed: 0 });
    expect(smtp.received.filter((m) => m.to === "flagged2-7@example.com")).toHaveLength(1);
  });
});
