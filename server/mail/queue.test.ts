import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database } from "@/db/client";
import { mailQueue } from "@/db/schema";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { startTestSmtpServer, type TestSmtpServer } from "@/test/smtp";
import { createSmtpMailer, type Mailer } from "./mailer";
import { claimDueMail, deliverPending, MAIL_LEASE_MS, MAIL_MAX_ATTEMPTS, retryFailedMail } from "./queue";
import { startMailWorker } from "./worker";

let database: TestDatabase;
let smtp: TestSmtpServer;
let mailer: Mailer;
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
  await database.db.delete(mailQueue).where(sql`true`);
  smtp.received.length = 0;
  refused.clear();
});

async function enqueue(count: number, prefix = "athlete") {
  const rows = Array.from({ length: count }, (_, i) => ({
    toAddress: `${prefix}${i}@example.com`,
    subject: `Message ${i}`,
    textBody: `Hello ${i}`,
  }));
  return database.db.insert(mailQueue).values(rows).returning({ id: mailQueue.id });
}

describe("delivering queued mail", () => {
  it("sends what is due through SMTP and records each message sent", async () => {
    await enqueue(3);
    expect(await deliverPending(database.db, mailer, { limit: 10 })).toEqual({ claimed: 3, sent: 3, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to).sort()).toEqual([
      "athlete0@example.com",
      "athlete1@example.com",
      "athlete2@example.com",
    ]);
    const rows = await database.db.select().from(mailQueue);
    expect(rows.every((r) => r.status === "sent" && r.sentAt && r.attempts === 1)).toBe(true);
    // Nothing is due any more.
    expect(await deliverPending(database.db, mailer, { limit: 10 })).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
  });

  it("takes at most `limit` messages a round, oldest first", async () => {
    await enqueue(5);
    expect((await deliverPending(database.db, mailer, { limit: 2 })).sent).toBe(2);
    expect(smtp.received.map((m) => m.subject)).toEqual(["Message 0", "Message 1"]);
  });

  it("never sends a message twice when two instances deliver at once", async () => {
    await enqueue(40);
    // On PostgreSQL a second pool, as a second app instance has; PGlite has one connection for everyone.
    const other: Database = usingPostgres ? await database.openAnother() : database;
    try {
      const drain = async (db: Database["db"]) => {
        let sent = 0;
        for (;;) {
          const round = await deliverPending(db, mailer, { limit: 3 });
          sent += round.sent;
          if (round.claimed === 0) return sent;
        }
      };
      const [a, b] = await Promise.all([drain(database.db), drain(other.db)]);
      expect(a + b).toBe(40);
      const recipients = smtp.received.map((m) => m.to);
      expect(new Set(recipients).size).toBe(40);
      expect(recipients).toHaveLength(40);
    } finally {
      if (other !== database) await other.close();
    }
  });

  it("retries a refused message later, then marks it failed with the server's answer; a retry sends it", async () => {
    const [{ id }] = await enqueue(1, "bounce");
    refused.add("bounce0@example.com");
    const start = new Date();
    let now = start;
    const clock = () => now;
    expect(await deliverPending(database.db, mailer, { limit: 10, now: clock })).toMatchObject({ claimed: 1, retrying: 1 });
    let [row] = await database.db.select().from(mailQueue).where(eq(mailQueue.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/Mailbox unavailable/) });
    // Not due again at once.
    expect((await deliverPending(database.db, mailer, { limit: 10, now: clock })).claimed).toBe(0);
    for (let attempt = 2; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + 10 * 60_000);
      await deliverPending(database.db, mailer, { limit: 10, now: clock });
    }
    [row] = await database.db.select().from(mailQueue).where(eq(mailQueue.id, id));
    expect(row).toMatchObject({
      status: "failed",
      attempts: MAIL_MAX_ATTEMPTS,
      lastError: expect.stringMatching(/Mailbox unavailable/),
    });
    now = new Date(now.getTime() + 60 * 60_000);
    expect((await deliverPending(database.db, mailer, { limit: 10, now: clock })).claimed).toBe(0);

    refused.clear();
    expect(await retryFailedMail(database.db, [id], now)).toBe(1);
    expect(await retryFailedMail(database.db, [id], now)).toBe(0);
    expect(await deliverPending(database.db, mailer, { limit: 10, now: clock })).toMatchObject({ sent: 1 });
    expect(smtp.received.map((m) => m.to)).toEqual(["bounce0@example.com"]);
  });

  it("claims again a message whose sender died mid-send, once the lease is over", async () => {
    await enqueue(1);
    const now = new Date();
    expect(await claimDueMail(database.db, { limit: 10, now })).toHaveLength(1);
    // The claimer never comes back: nobody else may take it during the lease.
    expect(await claimDueMail(database.db, { limit: 10, now: new Date(now.getTime() + MAIL_LEASE_MS - 1000) })).toHaveLength(0);
    const later = new Date(now.getTime() + MAIL_LEASE_MS + 1000);
    expect(await deliverPending(database.db, mailer, { limit: 10, now: () => later })).toMatchObject({ claimed: 1, sent: 1 });
  });
});

describe("the background worker", () => {
  it("drains the queue at the throttle's pace, and stops when asked", async () => {
    await enqueue(6);
    const started = Date.now();
    const worker = startMailWorker({ db: async () => database.db, mailer, batchSize: 2, perMinute: 600, idleMs: 60_000 });
    try {
      await smtp.waitFor(() => smtp.received.length === 6, 10_000);
      // Three rounds of two at 600 a minute: two pauses of 200 ms between them, at least.
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      await worker.stop();
    }
  });

  it("looks at the queue at once when woken, instead of at the end of its idle wait", async () => {
    const worker = startMailWorker({ db: async () => database.db, mailer, idleMs: 60_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await enqueue(1, "woken");
      worker.wake();
      await smtp.waitFor((m) => m.to === "woken0@example.com", 5_000);
    } finally {
      await worker.stop();
    }
  });
});
