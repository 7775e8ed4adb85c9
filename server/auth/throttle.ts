import "server-only";
import { RateLimiterDrizzle, type RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { getDb } from "@/server/db";

/**
 * Throttling for everything that checks a password or creates an account, stored in the database
 * (rate-limiter-flexible's Drizzle store on the rate_limits table), so every app instance counts the
 * same failures and a restart forgets nothing.
 *
 * Sign-in failures count twice: per (account, client address), tight, so a guesser elsewhere cannot
 * lock the owner out of their account; and per address across accounts, looser, so one address cannot
 * spray guesses over many accounts. A correct password clears its (account, address) count.
 */
export interface Limit {
  /** Failures (or attempts) allowed within `windowSeconds`. */
  points: number;
  windowSeconds: number;
  /** How long the key stays refused once it has used its points. */
  blockSeconds: number;
}

export interface ThrottleLimits {
  signInPerAccountAndAddress: Limit;
  signInPerAddress: Limit;
  signUpPerAddress: Limit;
  passwordChangePerAccount: Limit;
  passwordResetPerAddress: Limit;
  passwordResetPerEmail: Limit;
  apiRequestsPerToken: Limit;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  signInPerAccountAndAddress: { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signInPerAddress: { points: 50, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  signUpPerAddress: { points: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  passwordChangePerAccount: { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  passwordResetPerAddress: { points: 10, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  passwordResetPerEmail: { points: 3, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  apiRequestsPerToken: { points: 120, windowSeconds: 60, blockSeconds: 60 },
};

/** What a throttle says: go ahead, or wait this many seconds. */
export type ThrottleState = { allowed: true; failuresLeft: number } | { allowed: false; retryAfterSeconds: number };

/** One counter: `check` reads without counting, `count` records one more, `reset` forgets the key. */
export interface Counter {
  check(key: string): Promise<ThrottleState>;
  count(key: string): Promise<ThrottleState>;
  reset(key: string): Promise<void>;
}

function counter(db: Db, keyPrefix: string, limit: Limit): Counter {
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix,
    points: limit.points,
    duration: limit.windowSeconds,
  });
  const state = (res: RateLimiterRes | null): ThrottleState =>
    res && res.consumedPoints >= limit.points
      ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) }
      : { allowed: true, failuresLeft: limit.points - (res?.consumedPoints ?? 0) };
  return {
    check: async (key) => state(await limiter.get(key)),
    async count(key) {
      let res: RateLimiterRes;
      try {
        res = await limiter.consume(key);
      } catch (rejection) {
        // consume rejects with the counter's state once the points are used up; anything else is a fault.
        if (rejection instanceof Error) throw rejection;
        res = rejection as RateLimiterRes;
      }
      // The last allowed point used: refuse for the whole block, counted from this attempt.
      if (res.consumedPoints >= limit.points) return state(await limiter.block(key, limit.blockSeconds));
      return state(res);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/** The stricter of several states: refused if any refuses (waiting for the longest), else the fewest left. */
export function strictest(states: ThrottleState[]): ThrottleState {
  const refused = states.filter((s) => !s.allowed);
  if (refused.length) return { allowed: false, retryAfterSeconds: Math.max(...refused.map((s) => s.retryAfterSeconds)) };
  return { allowed: true, failuresLeft: Math.min(...states.map((s) => (s.allowed ? s.failuresLeft : 0))) };
}

export interface SignInAttempt {
  email: string;
  address: string;
}

export interface Throttles {
  signIn: {
    check(attempt: SignInAttempt): Promise<ThrottleState>;
    recordFailure(attempt: SignInAttempt): Promise<ThrottleState>;
    recordSuccess(attempt: SignInAttempt): Promise<void>;
  };
  /** Every sign-up attempt from an address counts. */
  signUp: Counter;
  /** Keyed by user id: wrong current passwords on the change-password form. */
  passwordChange: Counter;
  /**
   * Reset requests: every request from an address counts (the form says how long to wait), and every
   * request for an email (past the limit no more mail goes to it, and the answer does not change, so it
   * tells nobody whether the account exists).
   */
  passwordReset: { perAddress: Counter; perEmail: Counter };
  /** Keyed by token id: every /api/v1 request made with a personal access token counts. */
  apiRequests: Counter;
}

export function createThrottles(db: Db, limits: ThrottleLimits = DEFAULT_LIMITS): Throttles {
  const perAccount = counter(db, "sign_in_account_address", limits.signInPerAccountAndAddress);
  const perAddress = counter(db, "sign_in_address", limits.signInPerAddress);
  const accountKey = ({ email, address }: SignInAttempt) => `${email.toLowerCase()}|${address}`;
  return {
    signIn: {
      check: async (attempt) => strictest([await perAccount.check(accountKey(attempt)), await perAddress.check(attempt.address)]),
      recordFailure: async (attempt) =>
        strictest(await Promise.all([perAccount.count(accountKey(attempt)), perAddress.count(attempt.address)])),
      recordSuccess: (attempt) => perAccount.reset(accountKey(attempt)),
    },
    signUp: counter(db, "sign_up_address", limits.signUpPerAddress),
    passwordChange: counter(db, "password_change_account", limits.passwordChangePerAccount),
    passwordReset: {
      perAddress: counter(db, "password_reset_address", limits.passwordResetPerAddress),
      perEmail: counter(db, "password_reset_email", limits.passwordResetPerEmail),
    },
    apiRequests: counter(db, "api_token", limits.apiRequestsPerToken),
  };
}

let shared: Promise<Throttles> | undefined;

/** The app's throttles, on its shared database. */
export function appThrottles(): Promise<Throttles> {
  shared ??= getDb().then((db) => createThrottles(db));
  return shared;
}
