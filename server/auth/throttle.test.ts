import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createThrottles, type Limit, type ThrottleLimits } from "./throttle";

const quick: Limit = { points: 3, windowSeconds: 60, blockSeconds: 2 };
const limits: ThrottleLimits = {
  signInPerAccountAndAddress: quick,
  signInPerAddress: { points: 5, windowSeconds: 60, blockSeconds: 60 },
  signUpPerAddress: { points: 2, windowSeconds: 60, blockSeconds: 60 },
  passwordChangePerAccount: quick,
  passwordResetPerAddress: quick,
  passwordResetPerEmail: quick,
  apiRequestsPerToken: quick,
};

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("sign-in throttle", () => {
  it("refuses an account from one address after its failures, and says how long to wait", async () => {
    const throttles = createThrottles(database.db, limits);
    const attempt = { email: "owner@example.com", address: "203.0.113.1" };
    expect(await throttles.signIn.recordFailure(attempt)).toEqual({ allowed: true, failuresLeft: 2 });
    await throttles.signIn.recordFailure(attempt);
    const third = await throttles.signIn.recordFailure(attempt);
    expect(third).toMatchObject({ allowed: false });
    expect(await throttles.signIn.check(attempt)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it("does not lock the owner out from another address", async () => {
    const throttles = createThrottles(database.db, limits);
    const attacker = { email: "victim@example.com", address: "198.51.100.66" };
    for (let i = 0; i < 3; i++) await throttles.signIn.recordFailure(attacker);
    expect((await throttles.signIn.check(attacker)).allowed).toBe(false);
    expect(await throttles.signIn.check({ email: "victim@example.com", address: "203.0.113.2" })).toEqual({
      allowed: true,
      failuresLeft: 3,
    });
  });

  it("refuses an address spraying guesses across accounts", async () => {
    const throttles = createThrottles(database.db, limits);
    const address = "198.51.100.77";
    for (let i = 0; i < 5; i++) await throttles.signIn.recordFailure({ email: `target-${i}@example.com`, address });
    expect(await throttles.signIn.check({ email: "never-tried@example.com", address })).toMatchObject({ allowed: false });
  });

  it("lets a user who waits back in", async () => {
    const throttles = createThrottles(database.db, limits);
    const attempt = { email: "patient@example.com", address: "203.0.113.3" };
    for (let i = 0; i < 3; i++) await throttles.signIn.recordFailure(attempt);
    expect((await throttles.signIn.check(attempt)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await throttles.signIn.check(attempt)).allowed).toBe(true);
  });

  it("forgets an account's failures after a correct password", async () => {
    const throttles = createThrottles(database.db, limits);
    const attempt = { email: "forgetful@example.com", address: "203.0.113.4" };
    await throttles.signIn.recordFailure(attempt);
    await throttles.signIn.recordFailure(attempt);
    await throttles.signIn.recordSuccess(attempt);
    expect(await throttles.signIn.check(attempt)).toEqual({ allowed: true, failuresLeft: 3 });
  });

  it("counts concurrent failures exactly", async () => {
    const throttles = createThrottles(database.db, {
      ...limits,
      signInPerAccountAndAddress: { points: 50, windowSeconds: 60, blockSeconds: 60 },
      signInPerAddress: { points: 500, windowSeconds: 60, blockSeconds: 60 },
    });
    const attempt = { email: "burst@example.com", address: "203.0.113.5" };
    await Promise.all(Array.from({ length: 20 }, () => throttles.signIn.recordFailure(attempt)));
    expect(await throttles.signIn.check(attempt)).toEqual({ allowed: true, failuresLeft: 30 });
  });
});

describe("sign-up and password-change throttles", () => {
  it("counts every sign-up from an address", async () => {
    const throttles = createThrottles(database.db, limits);
    await throttles.signUp.count("203.0.113.9");
    expect(await throttles.signUp.count("203.0.113.9")).toMatchObject({ allowed: false });
    expect(await throttles.signUp.check("203.0.113.10")).toEqual({ allowed: true, failuresLeft: 2 });
  });
});

// PostgreSQL only: a second app instance is a second client of one server; PGlite is one process
// whose folder no second client can open (npm test runs this file again on PostgreSQL).
describe.runIf(Boolean(process.env.DATABASE_URL))("across app instances (PostgreSQL)", () => {
  it("counts failures from two instances in one place", async () => {
    // A second, separately opened client: what another app instance has.
    const other = await database.openAnother();
    try {
      const first = createThrottles(database.db, limits);
      const second = createThrottles(other.db, limits);
      const attempt = { email: "shared@example.com", address: "203.0.113.20" };
      await first.signIn.recordFailure(attempt);
      await second.signIn.recordFailure(attempt);
      expect(await first.signIn.check(attempt)).toEqual({ allowed: true, failuresLeft: 1 });
      await first.signIn.recordFailure(attempt);
      expect((await second.signIn.check(attempt)).allowed).toBe(false);
    } finally {
      await other.close();
    }
  });
});
