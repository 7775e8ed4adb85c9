/**
 * Workout events end to end on PGlite and PostgreSQL: queued in the transaction that finishes, changes
 * or deletes a workout, delivered signed to a local receiver, retried with growing waits, and an
 * endpoint failing for a day switched off.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { logSets } from "@/test/session-saves";
import { seedExerciseLibrary } from "@/db/seed";
import { users, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { verifySignature } from "@/lib/webhooks/signature";
import { deleteSession, finishSession, startSession } from "@/server/services/sessions";
import { createEndpoint, deleteEndpoint, enableEndpoint, listEndpoints, sendTestEvent } from "./endpoints";
import { deliverPendingWebhooks, WEBHOOK_DISABLE_AFTER_MS } from "./outbox";
import { createWorkout } from "@/server/api-v1/workouts";

const KEY = "test-key-material-that-is-long-enough-for-hkdf";
let database: TestDatabase;
let alice: number;
let bob: number;
let bench: number;
let server: http.Server;
let port: number;
let answer = 204;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  bench = (await seedExerciseLibrary(database.db)).get("Barbell Bench Press")!;
  [{ id: alice }, { id: bob }] = await database.db
    .insert(users)
    .values([{ email: "hooks-alice@example.com" }, { email: "hooks-bob@example.com" }])
    .returning({ id: users.id });
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (c) => (body += c));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await database?.drop();
});

beforeEach(async () => {
  received.length = 0;
  answer = 204;
  await database.db.delete(webhookEndpoints).where(sql`true`);
});

const deliver = (now?: Date) =>
  deliverPendingWebhooks(database.db, { limit: 20, allowPrivate: true, keyMaterial: KEY, now: now ? () => now : undefined });

async function finishedWorkout(userId: number) {
  const sessionId = await startSession(database.db, userId, { name: "Push" });
  await logSets(database.db, userId, sessionId, [
    { exerciseId: bench, weight: 100, reps: 5 },
    { exerciseId: bench, weight: 105, reps: 3, missed: true },
  ]);
  await logSets(database.db, userId, sessionId, [], { finished: true });
  return sessionId;
}

describe("workout webhooks", () => {
  it("deliver a finished workout, signed, to the athlete's endpoint only", async () => {
    const { secret } = await createEndpoint(
      database.db,
      alice,
      { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished"] },
      KEY,
    );
    await createEndpoint(database.db, bob, { url: `http://127.0.0.1:${port}/b`, events: ["workout.finished"] }, KEY);
    const sessionId = await finishedWorkout(alice);

    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1 });
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received;
    expect(verifySignature(secret, headers["ironlog-signature"] as string, body, Math.floor(Date.now() / 1000)).ok).toBe(true);
    const event = JSON.parse(body);
    expect(event).toMatchObject({ type: "workout.finished", id: headers["ironlog-event-id"] });
    expect(event.data.workout).toMatchObject({ id: sessionId, name: "Push" });
    expect(
      event.data.workout.exercises[0].sets.map((s: { weightKg: number; missed: boolean }) => [s.weightKg, s.missed]),
    ).toEqual([
      [100, false],
      [105, true],
    ]);
    expect(await deliver()).toMatchObject({ claimed: 0 });
  });

  it("tell a change to a finished workout and its deletion, and nothing while it is in progress", async () => {
    await createEndpoint(
      database.db,
      alice,
      { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished", "workout.updated", "workout.deleted"] },
      KEY,
    );
    const sessionId = await startSession(database.db, alice, { name: "Legs" });
    await logSets(database.db, alice, sessionId, [{ exerciseId: bench, weight: 60, reps: 10 }]);
    await deliver();
    expect(received).toHaveLength(0);

    await finishSession(database.db, alice, sessionId);
    await finishSession(database.db, alice, sessionId); // already finished: told once
    await logSets(database.db, alice, sessionId, [{ exerciseId: bench, weight: 70, reps: 8 }]);
    await deleteSession(database.db, alice, sessionId);
    await deliver();
    const events = received.map((r) => JSON.parse(r.body));
    expect(events.map((e) => e.type)).toEqual(["workout.finished", "workout.updated", "workout.deleted"]);
    expect(events[1].data.workout.exercises[0].sets).toHaveLength(2);
    expect(events[2].data.workout.id).toBe(sessionId);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it("tell a workout logged through the API as finished, in the API's own shape", async () => {
    await createEndpoint(database.db, alice, { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished"] }, KEY);
    const created = await createWorkout(database.db, alice, {
      name: "From a script",
      notes: "",
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 45,
      exercises: [
        {
          exerciseId: bench,
          supersetGroup: null,
          sets: [{ weightKg: 90, reps: 5, rpe: null, missed: false, setType: "normal", seconds: null, distanceM: null }],
        },
      ],
    });
    await deliver();
    const [event] = received.map((r) => JSON.parse(r.body));
    expect(event).toMatchObject({ type: "workout.finished", data: { workout: created } });
  });

  it("send only the events an endpoint asked for", async () => {
    await createEndpoint(database.db, alice, { url: `http://127.0.0.1:${port}/a`, events: ["workout.deleted"] }, KEY);
    const sessionId = await finishedWorkout(alice);
    await deliver();
    expect(received).toHaveLength(0);
    await deleteSession(database.db, alice, sessionId);
    await deliver();
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(["workout.deleted"]);
  });

  it("retry a failed delivery with growing waits, then deliver the same event", async () => {
    await createEndpoint(database.db, alice, { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished"] }, KEY);
    await finishedWorkout(alice);
    answer = 503;
    const t0 = new Date();
    expect(await deliver(t0)).toMatchObject({ claimed: 1, retrying: 1 });
    let [row] = await database.db.select().from(webhookDeliveries);
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: 503, lastError: "Answered 503." });
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(30_000);

    expect(await deliver(new Date(t0.getTime() + 29_000))).toMatchObject({ claimed: 0 });
    expect(await deliver(new Date(t0.getTime() + 30_000))).toMatchObject({ claimed: 1, retrying: 1 });
    [row] = await database.db.select().from(webhookDeliveries);
    expect(row.nextAttemptAt.getTime() - (t0.getTime() + 30_000)).toBe(120_000);

    answer = 200;
    expect(await deliver(new Date(t0.getTime() + 150_000))).toMatchObject({ sent: 1 });
    expect(new Set(received.map((r) => r.headers["ironlog-event-id"])).size).toBe(1);
    expect(received).toHaveLength(3);
    const [endpoint] = await listEndpoints(database.db, alice);
    expect(endpoint).toMatchObject({ failingSince: null, disabledAt: null });
    expect(endpoint.deliveries[0]).toMatchObject({ status: "sent", attempts: 3, responseStatus: 200 });
  });

  it("switch off an endpoint that has failed for a day, dropping what waits for it", async () => {
    const { id } = await createEndpoint(
      database.db,
      alice,
      { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished"] },
      KEY,
    );
    answer = 500;
    await finishedWorkout(alice);
    const t0 = new Date();
    await deliver(t0);
    await finishedWorkout(alice);
    const dayLater = new Date(t0.getTime() + WEBHOOK_DISABLE_AFTER_MS);
    expect(await deliver(dayLater)).toMatchObject({ claimed: 2, failed: 2 });
    const [endpoint] = await listEndpoints(database.db, alice);
    expect(endpoint.disabledAt).not.toBeNull();
    expect(endpoint.disabledReason).toBe("Answered 500.");
    expect(endpoint.deliveries.map((d) => d.status)).toEqual(["failed", "failed"]);

    // Switched off: new workouts queue nothing until the athlete turns it back on.
    await finishedWorkout(alice);
    expect(await database.db.select().from(webhookDeliveries)).toHaveLength(2);
    await enableEndpoint(database.db, alice, id);
    answer = 204;
    await finishedWorkout(alice);
    expect(await deliver()).toMatchObject({ sent: 1 });
  });

  it("are sent once when two instances' senders look at the same time", async () => {
    await createEndpoint(database.db, alice, { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished"] }, KEY);
    for (let i = 0; i < 6; i++) await finishedWorkout(alice);
    const rounds = await Promise.all([deliver(), deliver(), deliver()]);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(new Set(received.map((r) => r.headers["ironlog-event-id"])).size).toBe(6);
    expect(received).toHaveLength(6);
  });

  it("send a test event at once and say what the receiver answered", async () => {
    const { id } = await createEndpoint(
      database.db,
      alice,
      { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished"] },
      KEY,
    );
    expect(await sendTestEvent(database.db, alice, id, { allowPrivate: true, keyMaterial: KEY })).toEqual({
      outcome: "sent",
      responseStatus: 204,
      lastError: null,
    });
    expect(JSON.parse(received[0].body).type).toBe("webhook.test");
    await expect(sendTestEvent(database.db, bob, id, { allowPrivate: true, keyMaterial: KEY })).rejects.toThrow(/not found/i);
    const refused = await sendTestEvent(database.db, alice, id, { allowPrivate: false, keyMaterial: KEY });
    expect(refused).toMatchObject({
      outcome: "retrying",
      lastError: "Refused: the address is on a private or reserved network.",
    });
  });

  it("keep endpoints to their owner and to five each", async () => {
    const { id } = await createEndpoint(
      database.db,
      alice,
      { url: `http://127.0.0.1:${port}/a`, events: ["workout.finished"] },
      KEY,
    );
    await expect(deleteEndpoint(database.db, bob, id)).rejects.toThrow(/not found/i);
    for (let i = 0; i < 4; i++)
      await createEndpoint(database.db, alice, { url: `https://hooks.example/${i}`, events: ["workout.finished"] }, KEY);
    await expect(
      createEndpoint(database.db, alice, { url: "https://hooks.example/6", events: ["workout.finished"] }, KEY),
    ).rejects.toThrow("You have 5 endpoints already: delete one to add another.");
    const [row] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(row.sealedSecret).not.toContain("whsec_");
  });
});
