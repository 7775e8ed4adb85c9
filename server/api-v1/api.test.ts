/**
 * /api/v1 through its real request handler on PGlite and Postgres: tokens (read-only, revoked,
 * expired, throttled), another athlete's ids, idempotent writes, the cookie caller's same-origin check,
 * and a PATCH merged beside a logger save.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedExerciseLibrary } from "@/db/seed";
import { type User, users, workoutSessions } from "@/db/schema";
import { sessionSaveSchema } from "@/lib/athlete/session-sync";
import { createThrottles, DEFAULT_LIMITS } from "@/server/auth/throttle";
import { endUserSessions } from "@/server/auth/auth-sessions";
import { saveSessionChanges } from "@/server/services/sessions";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { handleApiRequest, type ApiContext } from "./handler";
import { Decoder, Stream } from "@garmin/fitsdk";
import { finishSession, startSession } from "@/server/services/sessions";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

let database: TestDatabase;
let athlete: User;
let other: User;
let bench: number;
let squat: number;
let readWrite: string;
let readOnly: string;
let otherToken: string;
let cookieUser: User | null = null;

function context(overrides: Partial<ApiContext> = {}): ApiContext {
  return {
    db: database.db,
    throttles: createThrottles(database.db),
    sessionUser: async () => cookieUser,
    ...overrides,
  };
}

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; context?: ApiContext } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, read by the assertions
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const url = new URL(`http://ironlog.test/api/v1${path}`);
  const request = new Request(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handleApiRequest(options.context ?? context(), request, url.pathname.split("/").slice(3));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

const workout = () => ({
  name: "Push day",
  startedAt: "2026-03-01T18:00:00Z",
  durationMinutes: 50,
  exercises: [{ exerciseId: bench, sets: [{ weightKg: 60, reps: 8, rpe: null, missed: false }] }],
});

beforeAll(async () => {
  database = await createTestDatabase();
  const library = await seedExerciseLibrary(database.db);
  bench = library.get("Barbell Bench Press")!;
  squat = library.get("Barbell Back Squat")!;
  [athlete, other] = await database.db
    .insert(users)
    .values([{ email: "api@example.com" }, { email: "api-other@example.com" }])
    .returning();
  readWrite = (await createApiToken(database.db, athlete.id, { name: "script", access: "read_write", expiresIn: "never" })).token;
  readOnly = (await createApiToken(database.db, athlete.id, { name: "dashboard", access: "read", expiresIn: "30" })).token;
  otherToken = (await createApiToken(database.db, other.id, { name: "theirs", access: "read_write", expiresIn: "never" })).token;
});

afterAll(async () => {
  await database?.drop();
});

describe("personal access tokens", () => {
  it("are stored as hashes only, and list when each was last used", async () => {
    const stored = await database.db.execute("SELECT token_hash FROM api_tokens");
    expect(JSON.stringify(stored)).not.toContain(readWrite);
    expect((await call("GET", "/workouts", { token: readOnly })).status).toBe(200);
    const listed = await listApiTokens(database.db, athlete.id);
    expect(listed.find((t) => t.name === "dashboard")?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a request with no token or a made-up one with 401 in the one error shape", async () => {
    const none = await call("GET", "/workouts");
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: { code: "unauthenticated", message: expect.any(String), fields: null } });
    const madeUp = await call("GET", "/workouts", { token: "ilt_not-a-real-token" });
    expect(madeUp.status).toBe(401);
    expect(madeUp.body.error.code).toBe("invalid_token");
  });

  it("lets a read-only token read but answers 403 to every write", async () => {
    expect((await call("GET", "/workouts", { token: readOnly })).status).toBe(200);
    const created = await call("POST", "/workouts", { token: readWrite, body: workout() });
    const id = created.body.data.id;
    for (const [method, path, body] of [
      ["POST", "/workouts", workout()],
      ["PATCH", `/workouts/${id}`, { name: "Renamed" }],
      ["DELETE", `/workouts/${id}`, undefined],
    ] as const) {
      const answer = await call(method, path, { token: readOnly, body });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.code).toBe("read_only_token");
    }
    expect((await call("GET", `/workouts/${id}`, { token: readOnly })).body.data.name).toBe("Push day");
  });

  it("stops working once revoked, and keeps working after signing out everywhere", async () => {
    const { id, token } = await createApiToken(database.db, athlete.id, { name: "temp", access: "read", expiresIn: "7" });
    await endUserSessions(database.db, athlete.id);
    expect((await call("GET", "/workouts", { token })).status).toBe(200);
    expect(await revokeApiToken(database.db, athlete.id, id)).toBe(true);
    expect((await call("GET", "/workouts", { token })).status).toBe(401);
  });

  it("cannot be revoked by another athlete", async () => {
    const [mine] = await listApiTokens(database.db, athlete.id);
    expect(await revokeApiToken(database.db, other.id, mine.id)).toBe(false);
  });

  it("stops working when it expires", async () => {
    const made = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const { token } = await createApiToken(database.db, athlete.id, { name: "old", access: "read", expiresIn: "7" }, made);
    const answer = await call("GET", "/workouts", { token });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("invalid_token");
  });

  it("is throttled per token with 429 and Retry-After", async () => {
    const { token } = await createApiToken(database.db, athlete.id, { name: "busy", access: "read", expiresIn: "never" });
    const throttles = createThrottles(database.db, {
      ...DEFAULT_LIMITS,
      apiRequestsPerToken: { points: 3, windowSeconds: 60, blockSeconds: 60 },
    });
    const busy = context({ throttles });
    for (let i = 0; i < 3; i++) expect((await call("GET", "/workouts", { token, context: busy })).status).toBe(200);
    const refused = await call("GET", "/workouts", { token, context: busy });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another token of the same athlete has its own count.
    const second = await createApiToken(database.db, athlete.id, { name: "quiet", access: "read", expiresIn: "never" });
    expect((await call("GET", "/workouts", { token: second.token, context: busy })).status).toBe(200);
  });
});

describe("another athlete's workouts", () => {
  it("are not found (404, never 403) to read, change or delete", async () => {
    const theirs = (await call("POST", "/workouts", { token: otherToken, body: workout() })).body.data;
    for (const ref of [theirs.id, theirs.uid]) {
      expect((await call("GET", `/workouts/${ref}`, { token: readWrite })).status).toBe(404);
      expect((await call("PATCH", `/workouts/${ref}`, { token: readWrite, body: { name: "Mine now" } })).status).toBe(404);
      expect((await call("DELETE", `/workouts/${ref}`, { token: readWrite })).status).toBe(404);
    }
    expect((await call("GET", `/workouts/${theirs.id}`, { token: otherToken })).body.data.name).toBe("Push day");
    const listed = (await call("GET", "/workouts?limit=50", { token: readWrite })).body.data;
    expect(listed.map((w: { id: number }) => w.id)).not.toContain(theirs.id);
  });
});

describe("idempotent writes", () => {
  it("creates one workout for a POST retried with the same Idempotency-Key, and answers the same", async () => {
    const [{ before }] = await database.db
      .select({ before: count() })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, athlete.id));
    const headers = { "idempotency-key": "retry-me-1" };
    const first = await call("POST", "/workouts", { token: readWrite, body: workout(), headers });
    const again = await call("POST", "/workouts", { token: readWrite, body: workout(), headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const [{ after }] = await database.db
      .select({ after: count() })
      .from(workoutSessions)
      .where(eq(workoutSessions.userId, athlete.id));
    expect(after).toBe(before + 1);
  });

  it("runs two requests sent at once with one key only once", async () => {
    const headers = { "idempotency-key": "at-once" };
    const body = { ...workout(), name: "At once" };
    const answers = await Promise.all([1, 2].map(() => call("POST", "/workouts", { token: readWrite, body, headers })));
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers[0].body.data.id).toBe(answers[1].body.data.id);
    const named = await database.db
      .select({ id: workoutSessions.id })
      .from(workoutSessions)
      .where(eq(workoutSessions.name, "At once"));
    expect(named).toHaveLength(1);
  });

  it("refuses the same key with a different request", async () => {
    const headers = { "idempotency-key": "retry-me-2" };
    expect((await call("POST", "/workouts", { token: readWrite, body: workout(), headers })).status).toBe(201);
    const changed = await call("POST", "/workouts", { token: readWrite, body: { ...workout(), name: "Other" }, headers });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe("idempotency_key_reused");
  });

  it("keeps keys per athlete", async () => {
    const headers = { "idempotency-key": "shared-key" };
    const mine = await call("POST", "/workouts", { token: readWrite, body: workout(), headers });
    const theirs = await call("POST", "/workouts", { token: otherToken, body: workout(), headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);
  });
});

describe("validation", () => {
  it("names each invalid field by its path", async () => {
    const body = {
      ...workout(),
      exercises: [{ exerciseId: bench, sets: [{ weightKg: -5, reps: 8, rpe: null, missed: false }] }],
    };
    const answer = await call("POST", "/workouts", { token: readWrite, body });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("invalid_request");
    expect(Object.keys(answer.body.error.fields)).toEqual(["exercises.0.sets.0.weightKg"]);
  });

  it("refuses an exercise outside the athlete's library beside its field", async () => {
    const body = { ...workout(), exercises: [{ exerciseId: 999_999, sets: [] }] };
    const answer = await call("POST", "/workouts", { token: readWrite, body });
    expect(answer.status).toBe(422);
    expect(answer.body.error.fields).toEqual({ "exercises.0.exerciseId": [expect.any(String)] });
  });

  it("answers 413 to a body over the limit, before reading it whole", async () => {
    const answer = await call("POST", "/workouts", { token: readWrite, body: { ...workout(), notes: "x".repeat(1_100_000) } });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe("payload_too_large");
  });
});

describe("the app's session cookie", () => {
  it("may read, and write only from the app's own origin", async () => {
    cookieUser = athlete;
    try {
      expect((await call("GET", "/workouts")).status).toBe(200);
      const crossSite = await call("POST", "/workouts", { body: workout(), headers: { "sec-fetch-site": "cross-site" } });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.error.code).toBe("cross_origin");
      expect((await call("POST", "/workouts", { body: workout(), headers: { origin: "https://evil.example" } })).status).toBe(
        403,
      );
      expect((await call("POST", "/workouts", { body: workout() })).status).toBe(403);
      expect((await call("POST", "/workouts", { body: workout(), headers: { "sec-fetch-site": "same-origin" } })).status).toBe(
        201,
      );
      expect((await call("POST", "/workouts", { body: workout(), headers: { origin: "http://ironlog.test" } })).status).toBe(201);
    } finally {
      cookieUser = null;
    }
  });
});

describe("PATCH beside the logger", () => {
  it("keeps both a PATCH and a logger save that changed one workout", async () => {
    const created = (await call("POST", "/workouts", { token: readWrite, body: workout() })).body.data;
    const slot = created.exercises[0];
    const set = slot.sets[0];
    // The phone loaded the workout, then its athlete changes the reps of the set and the notes...
    const loaded = (await sessionSnapshot(database.db, athlete.id, created.id))!;
    const phoneAt = Date.now();
    // ...while a script renames the workout, changes the set's weight and adds a squat.
    const patched = await call("PATCH", `/workouts/${created.id}`, {
      token: readWrite,
      body: {
        name: "Push day (scripted)",
        sets: [{ id: set.id, weightKg: 70 }],
        exercises: [{ id: "6f1c7a52-3f3a-4a0e-9d55-0c1e2b3a4d5e", exerciseId: squat }],
      },
    });
    expect(patched.status).toBe(200);
    const phoneSave = sessionSaveSchema.parse({
      baseRevision: loaded.revision,
      unit: "kg",
      notes: { value: "Left shoulder tight", at: phoneAt },
      sets: [
        {
          id: set.id,
          slotId: slot.id,
          position: 0,
          values: { weightKg: 60, reps: 10, rpe: null, missed: false },
          times: { weightKg: loaded.sets[0].times.weightKg, reps: phoneAt, rpe: 0, missed: 0, position: 0 },
        },
      ],
    });
    await saveSessionChanges(database.db, athlete.id, created.id, phoneSave);
    const merged = (await call("GET", `/workouts/${created.id}`, { token: readWrite })).body.data;
    expect(merged.name).toBe("Push day (scripted)");
    expect(merged.notes).toBe("Left shoulder tight");
    expect(merged.exercises.map((e: { exerciseId: number }) => e.exerciseId)).toEqual([bench, squat]);
    expect(merged.exercises[0].sets[0]).toMatchObject({ weightKg: 70, reps: 10 });
  });

  it("adds and deletes sets by identity, and leaves out fields it does not name", async () => {
    const created = (await call("POST", "/workouts", { token: readWrite, body: workout() })).body.data;
    const slot = created.exercises[0];
    const newSet = "0b0c9a5e-8d0e-4f57-b7a2-9e3f4a1c2d3b";
    const added = await call("PATCH", `/workouts/${created.uid}`, {
      token: readWrite,
      body: { sets: [{ id: newSet, exerciseSlotId: slot.id, weightKg: 62.5, reps: 6 }], deletedSets: [slot.sets[0].id] },
    });
    expect(added.status).toBe(200);
    expect(added.body.data.exercises[0].sets).toEqual([
      expect.objectContaining({ id: newSet, weightKg: 62.5, reps: 6, rpe: null, missed: false, setType: "normal" }),
    ]);
    expect(added.body.data.name).toBe("Push day");
    const orphan = await call("PATCH", `/workouts/${created.id}`, {
      token: readWrite,
      body: { sets: [{ id: "1b0c9a5e-8d0e-4f57-b7a2-9e3f4a1c2d3b", weightKg: 10, reps: 1 }] },
    });
    expect(orphan.status).toBe(422);
    expect(Object.keys(orphan.body.error.fields)).toEqual(["sets.0.exerciseSlotId"]);
  });
});

describe("listing workouts", () => {
  it("pages with a cursor, newest first, within the date filters", async () => {
    const starts = ["2025-01-01T10:00:00Z", "2025-01-02T10:00:00Z", "2025-01-03T10:00:00Z", "2025-02-01T10:00:00Z"];
    for (const startedAt of starts) await call("POST", "/workouts", { token: otherToken, body: { ...workout(), startedAt } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/workouts?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await call("GET", query, { token: otherToken });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((w: { startedAt: string }) => w.startedAt));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["2025-01-03T10:00:00.000Z", "2025-01-02T10:00:00.000Z", "2025-01-01T10:00:00.000Z"]);
    expect((await call("GET", "/workouts?cursor=bm9wZQ", { token: otherToken })).status).toBe(422);
  });
});

describe("a workout as a Garmin FIT file", () => {
  it("downloads by id or uid, its sets as the workout's, and never another athlete's or one in progress", async () => {
    const created = await call("POST", "/workouts", { token: readWrite, body: workout() });
    expect(created.status).toBe(201);
    for (const ref of [created.body.data.id, created.body.data.uid]) {
      const url = new URL(`http://ironlog.test/api/v1/workouts/${ref}.fit`);
      const response = await handleApiRequest(
        context(),
        new Request(url, { headers: { authorization: `Bearer ${readOnly}` } }),
        url.pathname.split("/").slice(3),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/vnd.ant.fit");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const decoder = new Decoder(Stream.fromByteArray(Array.from(new Uint8Array(await response.arrayBuffer()))));
      expect(decoder.checkIntegrity()).toBe(true);
      const sets = (decoder.read().messages.setMesgs ?? []) as { setType: string; repetitions?: number; weight?: number }[];
      expect(sets.filter((m) => m.setType === "active").map((m) => [m.weight, m.repetitions])).toEqual([[60, 8]]);
    }
    expect((await call("GET", `/workouts/${created.body.data.id}.fit`, { token: otherToken })).status).toBe(404);
    const inProgress = await startSession(database.db, athlete.id, { name: "Still going" });
    const refused = await call("GET", `/workouts/${inProgress}.fit`, { token: readOnly });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "in_progress" } } });
    await finishSession(database.db, athlete.id, inProgress);
    expect((await call("GET", "/workouts/12.5.fit", { token: readOnly })).status).toBe(404);
  });
});
