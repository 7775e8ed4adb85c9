import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { linkIn, startTestSmtpServer, type TestSmtpServer } from "@/test/smtp";
import { passwordResetTokens, users } from "@/db/schema";
import { resetRequestedMessage } from "@/lib/auth/password-reset";
import { createSmtpMailer, type Mailer } from "@/server/mail/mailer";
import { createAuthSession, listAuthSessions } from "./auth-sessions";
import { hashPassword } from "./passwords";
import { attemptSignIn } from "./sign-in";
import { createThrottles, type ThrottleLimits } from "./throttle";
import {
  answerResetRequest,
  inspectResetToken,
  issueResetToken,
  listResetLinks,
  RESET_LINK_LIFETIME_MS,
  resetPassword,
} from "./password-reset";

const ORIGIN = "http://ironlog.test";
const OLD_PASSWORD = "old-password-123";
const NEW_PASSWORD = "brand-new-password-456";
const generous = { points: 100, windowSeconds: 3600, blockSeconds: 3600 };
const limits: ThrottleLimits = {
  signInPerAccountAndAddress: { points: 3, windowSeconds: 60, blockSeconds: 60 },
  signInPerAddress: generous,
  signUpPerAddress: generous,
  passwordChangePerAccount: generous,
  passwordResetPerAddress: generous,
  passwordResetPerEmail: { points: 3, windowSeconds: 3600, blockSeconds: 3600 },
  apiRequestsPerToken: generous,
};

let database: TestDatabase;
let smtp: TestSmtpServer;
let mailer: Mailer;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtpServer();
  mailer = createSmtpMailer(smtp.url, "Ironlog <no-reply@ironlog.test>");
});
afterAll(async () => {
  await smtp?.close();
  await database?.drop();
});

let counter = 0;
async function user(prefix: string) {
  const [row] = await database.db
    .insert(users)
    .values({ email: `${prefix}-${++counter}@example.com`, passwordHash: await hashPassword(OLD_PASSWORD) })
    .returning();
  return row;
}

/** The answer to "Forgot password?", with the background work run to its end (as after() does). */
async function requestReset(email: string, throttles = createThrottles(database.db, limits), address = "198.51.100.7") {
  const background: Promise<void>[] = [];
  const answer = await answerResetRequest(
    { db: database.db, throttles, mailer, inBackground: (task) => void background.push(task()) },
    { email, address, origin: ORIGIN },
  );
  await Promise.all(background);
  return { answer, backgroundTasks: background.length };
}

const tokenOf = (link: string) => link.slice(`${ORIGIN}/reset-password/`.length);
const request = { address: "198.51.100.7", userAgent: "vitest" };

describe("password reset by email", () => {
  it("mails a link; using it sets the password, ends every session and lets the user sign in with it", async () => {
    const athlete = await user("reset");
    const throttles = createThrottles(database.db, limits);
    await createAuthSession(database.db, { userId: athlete.id, userAgent: "phone", ipAddress: null });
    await createAuthSession(database.db, { userId: athlete.id, userAgent: "laptop", ipAddress: null });

    const { answer } = await requestReset(athlete.email, throttles);
    expect(answer.message).toBe(resetRequestedMessage(athlete.email));
    const mail = await smtp.waitFor((m) => m.to.includes(athlete.email));
    expect(mail.subject).toBe("Reset your Ironlog password");
    expect(mail.from).toContain("no-reply@ironlog.test");
    const link = linkIn(mail, ORIGIN);
    expect(link).toMatch(/^http:\/\/ironlog\.test\/reset-password\/[A-Za-z0-9_-]{43}$/);

    // Only a hash of the token is stored.
    const [stored] = await database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, athlete.id));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(tokenOf(link));
    expect(stored.issuedByUserId).toBeNull();
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(RESET_LINK_LIFETIME_MS);

    expect(await inspectResetToken(database.db, tokenOf(link))).toEqual({ state: "valid", email: athlete.email });
    const { endedSessions } = await resetPassword(database.db, throttles, {
      token: tokenOf(link),
      password: NEW_PASSWORD,
      address: request.address,
    });
    expect(endedSessions).toBe(2);
    expect(await listAuthSessions(database.db, athlete.id)).toEqual([]);
    expect(
      (await attemptSignIn(database.db, throttles, { ...request, email: athlete.email, password: OLD_PASSWORD })).status,
    ).toBe("refused");
    expect(
      (await attemptSignIn(database.db, throttles, { ...request, email: athlete.email, password: NEW_PASSWORD })).status,
    ).toBe("signed-in");
  });

  it("refuses a second use of the same link, and leaves the password set by the first", async () => {
    const athlete = await user("twice");
    const { token } = await issueResetToken(database.db, { userId: athlete.id });
    const throttles = createThrottles(database.db, limits);
    await resetPassword(database.db, throttles, { token, password: NEW_PASSWORD, address: request.address });
    await expect(
      resetPassword(database.db, throttles, { token, password: "another-password-789", address: request.address }),
    ).rejects.toThrow(/already used/);
    expect(await inspectResetToken(database.db, token)).toEqual({ state: "used" });
    expect(
      (await attemptSignIn(database.db, throttles, { ...request, email: athlete.email, password: NEW_PASSWORD })).status,
    ).toBe("signed-in");
  });

  it("lets exactly one of two concurrent uses of a link through", async () => {
    const athlete = await user("race");
    const { token } = await issueResetToken(database.db, { userId: athlete.id });
    const throttles = createThrottles(database.db, limits);
    const outcomes = await Promise.allSettled([
      resetPassword(database.db, throttles, { token, password: "first-password-111", address: request.address }),
      resetPassword(database.db, throttles, { token, password: "second-password-222", address: request.address }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses a link after its hour, without changing the password", async () => {
    const athlete = await user("expired");
    const issuedAt = new Date(Date.now() - RESET_LINK_LIFETIME_MS - 1000);
    const { token } = await issueResetToken(database.db, { userId: athlete.id, now: issuedAt });
    expect(await inspectResetToken(database.db, token)).toEqual({ state: "expired" });
    // One second before the hour is up it still works (checked, not used).
    expect(
      (await inspectResetToken(database.db, token, new Date(issuedAt.getTime() + RESET_LINK_LIFETIME_MS - 1000))).state,
    ).toBe("valid");
    const throttles = createThrottles(database.db, limits);
    await expect(
      resetPassword(database.db, throttles, { token, password: NEW_PASSWORD, address: request.address }),
    ).rejects.toThrow(/expired/);
    expect(
      (await attemptSignIn(database.db, throttles, { ...request, email: athlete.email, password: OLD_PASSWORD })).status,
    ).toBe("signed-in");
  });

  it("refuses an older link once a newer one was sent; the newer one works", async () => {
    const athlete = await user("superseded");
    await requestReset(athlete.email);
    await requestReset(athlete.email);
    const mails = smtp.received.filter((m) => m.to.includes(athlete.email));
    expect(mails).toHaveLength(2);
    const [older, newer] = mails.map((m) => tokenOf(linkIn(m, ORIGIN)));
    expect(await inspectResetToken(database.db, older)).toEqual({ state: "superseded" });
    const throttles = createThrottles(database.db, limits);
    await expect(
      resetPassword(database.db, throttles, { token: older, password: NEW_PASSWORD, address: request.address }),
    ).rejects.toThrow(/newer reset link/);
    await resetPassword(database.db, throttles, { token: newer, password: NEW_PASSWORD, address: request.address });
  });

  it("refuses a tampered or made-up token", async () => {
    const athlete = await user("tampered");
    const { token } = await issueResetToken(database.db, { userId: athlete.id });
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await inspectResetToken(database.db, tampered)).toEqual({ state: "unknown" });
    await expect(
      resetPassword(database.db, createThrottles(database.db, limits), {
        token: tampered,
        password: NEW_PASSWORD,
        address: request.address,
      }),
    ).rejects.toThrow(/not valid/);
  });
});

describe("the request answers the same whether or not the account exists", () => {
  it("gives the same words and schedules the same background work; only a real account gets mail", async () => {
    const athlete = await user("known");
    const unknown = `nobody-${counter}@example.com`;
    const before = smtp.received.length;
    const known = await requestReset(athlete.email);
    const nobody = await requestReset(unknown);
    expect(nobody.answer.message).toBe(resetRequestedMessage(unknown));
    expect(known.answer.message.replace(athlete.email, "EMAIL")).toBe(nobody.answer.message.replace(unknown, "EMAIL"));
    expect(known.backgroundTasks).toBe(1);
    expect(nobody.backgroundTasks).toBe(1);
    await smtp.waitFor((m) => m.to.includes(athlete.email));
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([athlete.email]);
  });

  it("answers before the account is looked up, so its timing cannot depend on it", async () => {
    const athlete = await user("timing");
    const throttles = createThrottles(database.db, { ...limits, passwordResetPerEmail: generous });
    // The answer's own work, measured without the background task, interleaved to share the machine's noise.
    const timings: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
    const pending: (() => Promise<void>)[] = [];
    for (let i = 0; i < 15; i++) {
      for (const [kind, email] of [
        ["known", athlete.email],
        ["unknown", `ghost-${i}@example.com`],
      ] as const) {
        const started = performance.now();
        await answerResetRequest(
          { db: database.db, throttles, mailer, inBackground: (task) => void pending.push(task) },
          { email, address: `192.0.2.${i}`, origin: ORIGIN },
        );
        timings[kind].push(performance.now() - started);
      }
    }
    // Nothing was looked up or sent yet: that all happens in the background tasks, one per request.
    expect(pending).toHaveLength(30);
    expect(
      await database.db
        .select()
        .from(passwordResetTokens)
        .innerJoin(users, eq(users.id, passwordResetTokens.userId))
        .where(eq(users.email, athlete.email)),
    ).toEqual([]);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // Both do the same two throttle counts; the bound leaves room for a busy machine (the guarantee is above:
    // nothing about the account is read before the answer), while an inline send would add an SMTP round trip.
    const [known, unknown] = [median(timings.known), median(timings.unknown)];
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(25, 0.5 * Math.max(known, unknown)));
    await Promise.all(pending.slice(0, 2).map((task) => task()));
  });

  it("sends at most three mails an hour to one email, answering the same each time", async () => {
    const athlete = await user("flood");
    const throttles = createThrottles(database.db, limits);
    for (let i = 0; i < 5; i++) {
      const { answer } = await requestReset(athlete.email, throttles, `203.0.113.${i}`);
      expect(answer.message).toBe(resetRequestedMessage(athlete.email));
    }
    expect(smtp.received.filter((m) => m.to.includes(athlete.email))).toHaveLength(3);
  });

  it("tells an address that asks too often how long to wait", async () => {
    const throttles = createThrottles(database.db, {
      ...limits,
      passwordResetPerAddress: { points: 2, windowSeconds: 3600, blockSeconds: 3600 },
    });
    await requestReset("a@example.com", throttles, "203.0.113.200");
    await requestReset("b@example.com", throttles, "203.0.113.200");
    await expect(requestReset("c@example.com", throttles, "203.0.113.200")).rejects.toThrow(
      /Too many attempts. Try again in 60 minutes/,
    );
  });
});

describe("reset links issued by an admin", () => {
  it("work like an emailed one, and record who issued them for whom and when", async () => {
    const admin = await user("admin");
    const migrated = await user("migrated");
    await database.db.update(users).set({ passwordHash: null }).where(eq(users.id, migrated.id));
    const issued = await issueResetToken(database.db, { userId: migrated.id, issuedBy: { id: admin.id, email: admin.email } });
    expect(issued.email).toBe(migrated.email);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(RESET_LINK_LIFETIME_MS - 60_000);
    expect(await listResetLinks(database.db, migrated.id)).toEqual([
      {
        id: expect.any(Number),
        createdAt: expect.any(Date),
        expiresAt: issued.expiresAt,
        issuedBy: admin.email,
        status: "open",
        endedAt: null,
      },
    ]);

    const throttles = createThrottles(database.db, limits);
    await resetPassword(database.db, throttles, { token: issued.token, password: NEW_PASSWORD, address: request.address });
    expect(
      (await attemptSignIn(database.db, throttles, { ...request, email: migrated.email, password: NEW_PASSWORD })).status,
    ).toBe("signed-in");
    const [record] = await listResetLinks(database.db, migrated.id);
    expect(record).toMatchObject({ issuedBy: admin.email, status: "used", endedAt: expect.any(Date) });
  });

  it("are replaced by a newer link, emailed or issued, and the history says so", async () => {
    const admin = await user("admin");
    const athlete = await user("replaced");
    const first = await issueResetToken(database.db, { userId: athlete.id, issuedBy: { id: admin.id, email: admin.email } });
    await requestReset(athlete.email);
    expect(await inspectResetToken(database.db, first.token)).toEqual({ state: "superseded" });
    expect((await listResetLinks(database.db, athlete.id)).map((l) => [l.issuedBy, l.status])).toEqual([
      [null, "open"],
      [admin.email, "superseded"],
    ]);
  });

  it("cannot be issued for a user who does not exist", async () => {
    await expect(issueResetToken(database.db, { userId: 987_654 })).rejects.toThrow(/That user was not found/);
  });
});
