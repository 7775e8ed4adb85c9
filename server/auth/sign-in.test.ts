import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { authSessions, users } from "@/db/schema";
import { createThrottles, type ThrottleLimits } from "./throttle";
import { attemptSignIn } from "./sign-in";
import { checkPassword, hashPassword } from "./passwords";
import { endAuthSession, endUserSessions, listAuthSessions, userForSession, LAST_SEEN_EVERY_MS } from "./auth-sessions";
import { changePassword } from "./change-password";
import { changeUserRole } from "@/server/services/user-roles";

const limit = { points: 3, windowSeconds: 60, blockSeconds: 60 };
const limits: ThrottleLimits = {
  signInPerAccountAndAddress: limit,
  signInPerAddress: { ...limit, points: 100 },
  signUpPerAddress: limit,
  passwordChangePerAccount: limit,
  passwordResetPerAddress: limit,
  passwordResetPerEmail: limit,
  apiRequestsPerToken: limit,
};
const PASSWORD = "squat-bench-deadlift";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function userWith(email: string, passwordHash: string | null, role: "athlete" | "admin" = "athlete") {
  const [user] = await database.db.insert(users).values({ email, passwordHash, role }).returning();
  return user;
}

const attempt = (email: string, password = PASSWORD, address = "203.0.113.1") => ({
  email,
  password,
  address,
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
});

describe("signing in", () => {
  it("opens an auth session for the right password", async () => {
    const user = await userWith("right@example.com", await hashPassword(PASSWORD));
    const outcome = await attemptSignIn(database.db, createThrottles(database.db, limits), attempt(user.email));
    expect(outcome.status).toBe("signed-in");
    const sid = (outcome as { sid: string }).sid;
    expect((await userForSession(database.db, sid, user.id))?.email).toBe(user.email);
    expect(await listAuthSessions(database.db, user.id)).toEqual([
      expect.objectContaining({ id: sid, ipAddress: "203.0.113.1", userAgent: expect.stringContaining("Chrome") }),
    ]);
  });

  it("re-hashes a bcryptjs hash with argon2id on the next successful sign-in", async () => {
    const user = await userWith("legacy@example.com", await bcrypt.hash(PASSWORD, 4));
    await attemptSignIn(database.db, createThrottles(database.db, limits), attempt(user.email));
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await checkPassword(PASSWORD, after.passwordHash)).toMatchObject({ valid: true, needsUpgrade: false });
  });

  it("leaves the hash alone after a wrong password", async () => {
    const legacy = await bcrypt.hash(PASSWORD, 4);
    const user = await userWith("legacy-wrong@example.com", legacy);
    expect(
      await attemptSignIn(database.db, createThrottles(database.db, limits), attempt(user.email, "not the password")),
    ).toEqual({ status: "refused" });
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toBe(legacy);
  });

  it("throttles after the failures without checking the password, and logs one line per failure", async () => {
    const user = await userWith("guessed@example.com", await hashPassword(PASSWORD));
    const throttles = createThrottles(database.db, limits);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (let i = 0; i < 3; i++)
        expect((await attemptSignIn(database.db, throttles, attempt(user.email, `guess-${i}`))).status).toBe("refused");
      // Even the right password is refused while throttled.
      expect(await attemptSignIn(database.db, throttles, attempt(user.email))).toMatchObject({
        status: "throttled",
        retryAfterSeconds: 60,
      });
      expect(warn).toHaveBeenCalledTimes(4);
      expect(warn.mock.calls.map((c) => c.length)).toEqual([1, 1, 1, 1]);
      expect(String(warn.mock.calls[0][0])).toMatch(
        /^\[auth\] sign-in refused for "guessed@example.com" from 203\.0\.113\.1: 2 failure\(s\) left/,
      );
      expect(String(warn.mock.calls[3][0])).toMatch(/throttled, retry after 60 s$/);
      expect(error).not.toHaveBeenCalled();
      // The owner, elsewhere, still gets in.
      expect((await attemptSignIn(database.db, throttles, attempt(user.email, PASSWORD, "198.51.100.2"))).status).toBe(
        "signed-in",
      );
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it("counts unknown emails as failures too", async () => {
    const throttles = createThrottles(database.db, limits);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < 3; i++) await attemptSignIn(database.db, throttles, attempt("nobody@example.com", "x", "198.51.100.3"));
    warn.mockRestore();
    expect((await throttles.signIn.check({ email: "nobody@example.com", address: "198.51.100.3" })).allowed).toBe(false);
  });
});

describe("auth sessions", () => {
  async function signedIn(email: string, role: "athlete" | "admin" = "athlete") {
    const user = await userWith(email, await hashPassword(PASSWORD), role);
    const sids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const outcome = await attemptSignIn(database.db, createThrottles(database.db, limits), attempt(email));
      sids.push((outcome as { sid: string }).sid);
    }
    return { user, sids };
  }

  it("refuses a session once its row is deleted (sign-out)", async () => {
    const { user, sids } = await signedIn("leaver@example.com");
    expect(await endAuthSession(database.db, { id: sids[0], userId: user.id })).toBe(true);
    expect(await userForSession(database.db, sids[0], user.id)).toBeNull();
    expect(await userForSession(database.db, sids[1], user.id)).not.toBeNull();
  });

  it("will not end someone else's session, nor accept it for another user", async () => {
    const { user, sids } = await signedIn("owner-a@example.com");
    const other = await userWith("owner-b@example.com", null);
    expect(await endAuthSession(database.db, { id: sids[0], userId: other.id })).toBe(false);
    expect(await userForSession(database.db, sids[0], other.id)).toBeNull();
    expect(await userForSession(database.db, sids[0], user.id)).not.toBeNull();
    expect(await userForSession(database.db, "not-a-uuid", user.id)).toBeNull();
  });

  it("writes last-seen only when it is older than a few minutes", async () => {
    const { user, sids } = await signedIn("regular@example.com");
    const [before] = await database.db.select().from(authSessions).where(eq(authSessions.id, sids[0]));
    await userForSession(database.db, sids[0], user.id, new Date(before.lastSeenAt.getTime() + 1000));
    const [unchanged] = await database.db.select().from(authSessions).where(eq(authSessions.id, sids[0]));
    expect(unchanged.lastSeenAt).toEqual(before.lastSeenAt);
    const later = new Date(before.lastSeenAt.getTime() + LAST_SEEN_EVERY_MS + 1000);
    await userForSession(database.db, sids[0], user.id, later);
    const [touched] = await database.db.select().from(authSessions).where(eq(authSessions.id, sids[0]));
    expect(touched.lastSeenAt).toEqual(later);
  });

  it("signs out everywhere", async () => {
    const { user, sids } = await signedIn("everywhere@example.com");
    expect(await endUserSessions(database.db, user.id)).toBe(2);
    for (const sid of sids) expect(await userForSession(database.db, sid, user.id)).toBeNull();
  });

  it("changing the password ends the other sessions and keeps this one", async () => {
    const { user, sids } = await signedIn("changer@example.com");
    const result = await changePassword(database.db, createThrottles(database.db, limits), {
      user,
      sid: sids[0],
      currentPassword: PASSWORD,
      newPassword: "a-brand-new-passphrase",
    });
    expect(result).toEqual({ endedSessions: 1 });
    expect(await userForSession(database.db, sids[0], user.id)).not.toBeNull();
    expect(await userForSession(database.db, sids[1], user.id)).toBeNull();
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(await checkPassword("a-brand-new-passphrase", after.passwordHash)).toMatchObject({ valid: true });
  });

  it("refuses a password change with the wrong current password, next to the field, then throttles", async () => {
    const { user, sids } = await signedIn("wrong-current@example.com");
    const throttles = createThrottles(database.db, limits);
    const change = { user, sid: sids[0], currentPassword: "not it", newPassword: "a-brand-new-passphrase" };
    await expect(changePassword(database.db, throttles, change)).rejects.toMatchObject({
      message: "That is not your current password.",
      options: { field: "currentPassword" },
    });
    await expect(changePassword(database.db, throttles, change)).rejects.toMatchObject({ options: { field: "currentPassword" } });
    await expect(changePassword(database.db, throttles, change)).rejects.toMatchObject({
      message: /^Too many attempts\. Try again in 1 minute\.$/,
      options: { code: "throttled" },
    });
    await expect(changePassword(database.db, throttles, { ...change, currentPassword: PASSWORD })).rejects.toMatchObject({
      options: { code: "throttled" },
    });
    expect(await userForSession(database.db, sids[1], user.id)).not.toBeNull();
  });

  it("demoting an admin ends their sessions", async () => {
    const actor = await userWith("boss@example.com", null, "admin");
    const { user, sids } = await signedIn("demoted@example.com", "admin");
    await changeUserRole(database.db, { actorId: actor.id, userId: user.id, role: "athlete" });
    for (const sid of sids) expect(await userForSession(database.db, sid, user.id)).toBeNull();
  });
});
