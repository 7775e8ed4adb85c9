/**
 * The soak (`npm run bench:soak`, and its short pass in `npm test`): athletes logging workouts at a
 * person's pace on two `npm start` instances over one PostgreSQL database, one instance's whole process
 * group SIGKILLed half-way and started again 10 s later, then the oracle: what every client saw
 * acknowledged is stored once (./soak-oracle), and every webhook event queued, also those the killed
 * instance had claimed, reached the receiver at least once and at most twice.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import pLimit from "p-limit";
import { openDatabase, queryRows } from "@/db/client";
import { seededRandom } from "@/db/seed-assessments";
import type { PlanDay } from "@/lib/athlete/device-start";
import { hashPassword } from "@/server/auth/passwords";
import { planDays } from "@/server/queries/plan-days";
import { createEndpoint } from "@/server/webhooks/endpoints";
import { WEBHOOK_LEASE_MS } from "@/server/webhooks/outbox";
import { INSTANCES_AUTH_SECRET, type Instances, seededDatabase, startInstances } from "@/test/instances";
import { BENCH_PASSWORD, seedBenchAthlete } from "./athletes";
import { closeConnections, percentile, signIn } from "./http";
import { type RequestKind, SoakAthlete, type SoakRecorder } from "./soak-athlete";
import { checkDeliveries, checkSets, deliveriesHold, setsHold, type SoakSet } from "./soak-oracle";
import { startWebhookReceiver } from "./soak-receiver";

export interface SoakOptions {
  /** The PostgreSQL server the scratch database is made on (and dropped from). */
  serverUrl: string;
  athletes: number;
  seconds: number;
  /** SIGKILL one instance's process group half-way, and start it again `downSeconds` later. */
  kill: boolean;
  downSeconds: number;
  /** Mean seconds between two sets of one athlete. */
  paceSeconds: number;
  setsPerWorkout: number;
  /** Every how many athletes one has a webhook endpoint (1: all; 0: none). */
  webhookEvery: number;
  ports: [number, number];
  /** Leave the scratch database in place. */
  keep: boolean;
}

export interface SoakResult {
  /** Every correctness check held: no client-visible error, every acknowledged set stored once, no event lost. */
  correct: boolean;
  /** p95 of a save, in ms. */
  saveP95: number;
}

const SAVE_P95_TARGET_MS = 100;
/** How long before the kill the webhook receiver stops answering (until a second after it). */
const HOLD_BEFORE_KILL_MS = 3_000;
const KINDS: RequestKind[] = ["save a set", "finish a workout", "poll the session"];

class Recorder implements SoakRecorder {
  latencies = new Map<RequestKind, number[]>(KINDS.map((k) => [k, []]));
  retries = new Map<string, number>();
  errors: string[] = [];
  sets = new Map<string, SoakSet>();
  finishedSessions = new Set<string>();
  answered(kind: RequestKind, ms: number) {
    this.latencies.get(kind)!.push(ms);
  }
  retried(kind: RequestKind, reason: string) {
    const key = `${kind}: ${reason}`;
    this.retries.set(key, (this.retries.get(key) ?? 0) + 1);
  }
  failed(kind: RequestKind, reason: string) {
    this.errors.push(`${kind}: ${reason}`);
  }
  acknowledged(set: SoakSet) {
    // A set sent again (edited, or in a retried save) is the same set: the last acknowledgement stands.
    this.sets.set(set.uid, set);
  }
  finished(sessionUid: string) {
    this.finishedSessions.add(sessionUid);
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const log = (line: string) => console.log(line);

type Seeded = { email: string; days: PlanDay[] };

/** The athletes, made in the database with a generated program each; every `webhookEvery`-th one with an endpoint. */
async function seedAthletes(databaseUrl: string, options: SoakOptions, receiverUrl: string): Promise<Seeded[]> {
  const database = await openDatabase({ url: databaseUrl });
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const seeded: Seeded[] = [];
    for (let i = 1; i <= options.athletes; i++) {
      const { email, userId } = await seedBenchAthlete(database.db, i, passwordHash);
      const { days } = await planDays(database.db, userId);
      if (options.webhookEvery > 0 && i % options.webhookEvery === 0)
        await createEndpoint(
          database.db,
          userId,
          { url: `${receiverUrl}/athlete/${i}`, events: ["workout.finished"] },
          INSTANCES_AUTH_SECRET,
        );
      seeded.push({ email, days: days.filter((d) => d.exercises.length > 0) });
    }
    return seeded;
  } finally {
    await database.close();
  }
}

function latencyLines(recorder: Recorder, seconds: number): string[] {
  const ms = (v: number) => `${Number.isNaN(v) ? "–" : v.toFixed(1)} ms`.padStart(9);
  return KINDS.map((kind) => {
    const sorted = [...recorder.latencies.get(kind)!].sort((a, b) => a - b);
    const target = kind === "save a set" ? `   (target p95 < ${SAVE_P95_TARGET_MS} ms)` : "";
    return `  ${kind.padEnd(18)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  ${(sorted.length / seconds).toFixed(1).padStart(6)} req/s  (${sorted.length} answered)${target}`;
  });
}

/** Ids of webhook deliveries claimed (sending) and not settled. */
async function claimedDeliveries(db: Parameters<typeof queryRows>[0]): Promise<Set<number>> {
  const rows = await queryRows<{ id: number }>(db, sql`SELECT id FROM webhook_deliveries WHERE status = 'sending'`);
  return new Set(rows.map((r) => Number(r.id)));
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    // Built once here: two instances starting at once must not both build.
    log("No production build: building it once (npx next build)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("The build failed");
  }
  const receiver = await startWebhookReceiver(300);
  const database = await seededDatabase("ironlog_soak", { serverUrl: options.serverUrl });
  let instances: Instances | undefined;
  const watcher = await openDatabase({ url: database.directUrl, maxConnections: 2 });
  try {
    log(`Seeding ${options.athletes} athletes in the database (load ${load()})…`);
    const seeded = await seedAthletes(database.directUrl, options, receiver.url);
    log(`Starting two instances (npm start) on ports ${options.ports.join(" and ")}…`);
    instances = await startInstances(database, options.ports, { env: { WEBHOOKS_ALLOW_PRIVATE: "true" } });
    const urls = instances.urls;

    // Sign-in hashes the password on the server: a few at a time, half on each instance.
    const signing = pLimit(4);
    const cookies = await Promise.all(
      seeded.map((a, i) => signing(() => signIn(urls[i % urls.length], a.email, BENCH_PASSWORD))),
    );
    const recorder = new Recorder();
    const startedAt = Date.now();
    const endAt = startedAt + options.seconds * 1000;
    const drainUntil = endAt + 60_000;
    log(
      `${options.athletes} athletes, a set every ${options.paceSeconds} s (±50%), ${options.setsPerWorkout} sets a workout, for ${options.seconds} s on ${urls.join(" and ")}${options.kill ? `; one instance killed at ${Math.round(options.seconds / 2)} s, back ${options.downSeconds} s later` : ""} (load ${load()}; ${os.cpus().length} × ${os.cpus()[0]?.model.trim()})`,
    );

    const athletes = seeded.map(
      (a, i) =>
        new SoakAthlete({
          email: a.email,
          cookie: cookies[i],
          days: a.days,
          urls,
          home: i % urls.length,
          paceSeconds: options.paceSeconds,
          setsPerWorkout: options.setsPerWorkout,
          recorder,
          random: seededRandom(i + 1),
        }),
    );
    const killed = { orphaned: new Set<number>(), at: 0, back: 0 };
    const killing = (async () => {
      if (!options.kill) return;
      const killAt = startedAt + (options.seconds * 1000) / 2;
      // Deliveries sent in the last seconds before the kill stay unanswered past it, so the instance that
      // dies holds some it has claimed; the live one's are answered a second after it, within its timeout.
      await new Promise((resolve) => setTimeout(resolve, killAt - HOLD_BEFORE_KILL_MS - Date.now()));
      receiver.holdUntil(killAt + 1_000);
      const arrivedBefore = receiver.received.length;
      await new Promise((resolve) => setTimeout(resolve, killAt - Date.now()));
      const victim = instances!.instances[1];
      const before = await claimedDeliveries(watcher.db);
      await victim.kill();
      killed.at = (Date.now() - startedAt) / 1000;
      log(
        `  ${killed.at.toFixed(1)} s: SIGKILL to the process group of ${victim.url}, with ${before.size} webhook deliveries claimed by either instance and ${receiver.received.length - arrivedBefore} held unanswered at the receiver (load ${load()})`,
      );
      await new Promise((resolve) => setTimeout(resolve, options.downSeconds * 1000));
      // What the killed instance held: claimed before it died and still unsettled once the live one has had time.
      const after = await claimedDeliveries(watcher.db);
      killed.orphaned = new Set([...before].filter((id) => after.has(id)));
      await victim.start();
      killed.back = (Date.now() - startedAt) / 1000;
      log(`  ${killed.back.toFixed(1)} s: ${victim.url} answers again (npm start)`);
    })();
    await Promise.all([...athletes.map((a) => a.run(endAt, drainUntil)), killing]);
    const seconds = (Date.now() - startedAt) / 1000;

    // The outbox's promise: a delivery whose sender died is claimed again once its lease has run out.
    const settleBy = Date.now() + WEBHOOK_LEASE_MS + 30_000;
    let unsettled = Infinity;
    while (Date.now() < settleBy) {
      const [row] = await queryRows<{ n: number }>(
        watcher.db,
        sql`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status IN ('pending', 'sending')`,
      );
      unsettled = row.n;
      if (unsettled === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }

    const stored = await queryRows<{
      uid: string;
      session_uid: string;
      slot_id: string;
      position: number;
      weight_kg: string;
      reps: number;
    }>(
      watcher.db,
      sql`SELECT s.uid, w.uid AS session_uid, s.exercise_slot_id AS slot_id, s.position, s.weight_kg, s.reps
          FROM session_sets s JOIN workout_sessions w ON w.id = s.session_id JOIN users u ON u.id = w.user_id
          WHERE u.email LIKE 'bench-%'`,
    );
    const sets = checkSets(
      [...recorder.sets.values()],
      stored.map((r) => ({
        uid: r.uid,
        sessionUid: r.session_uid,
        slotId: r.slot_id,
        position: r.position,
        weightKg: Number(r.weight_kg),
        reps: r.reps,
      })),
    );
    const finished = await queryRows<{ uid: string }>(
      watcher.db,
      sql`SELECT uid FROM workout_sessions WHERE finished_at IS NOT NULL`,
    );
    const finishedStored = new Set(finished.map((r) => r.uid));
    const finishLost = [...recorder.finishedSessions].filter((uid) => !finishedStored.has(uid));
    const queued = await queryRows<{ event_id: string }>(watcher.db, sql`SELECT event_id FROM webhook_deliveries`);
    const deliveries = checkDeliveries(
      queued.map((r) => r.event_id),
      receiver.received,
    );

    const saveSorted = [...recorder.latencies.get("save a set")!].sort((a, b) => a - b);
    const saveP95 = percentile(saveSorted, 95);
    const retried = [...recorder.retries.values()].reduce((a, b) => a + b, 0);
    log(
      `\nLatency of answered requests over ${seconds.toFixed(0)} s, kill included (client on the same machine; load ${load()})`,
    );
    for (const line of latencyLines(recorder, seconds)) log(line);
    log(`\nRequests that failed and were sent again (as the logger does): ${retried}`);
    for (const [reason, n] of recorder.retries) log(`  ${n} × ${reason}`);
    const errorsOk = recorder.errors.length === 0;
    log(`Errors seen by clients after their retries: ${recorder.errors.length}   (target 0)`);
    for (const e of recorder.errors.slice(0, 10)) log(`  ${e}`);
    log(
      `Acknowledged sets stored exactly once, as sent: ${sets.storedOnce} of ${sets.acknowledged}   (target: all)` +
        `; missing ${sets.missing.length}, stored twice ${sets.storedTwice.length}, altered ${sets.altered.length}`,
    );
    log(`Places of a session holding two sets: ${sets.placesHeldTwice.length}   (target 0)`);
    log(
      `Acknowledged finishes stored: ${recorder.finishedSessions.size - finishLost.length} of ${recorder.finishedSessions.size}   (target: all)`,
    );
    if (options.kill) log(`Webhook deliveries the killed instance had claimed and not settled: ${killed.orphaned.size}`);
    log(
      `Webhook events received at least once: ${deliveries.events - deliveries.lost.length} of ${deliveries.events}   (target: all)` +
        `; twice ${deliveries.twice}, more than twice ${deliveries.tooOften.length}   (target 0), unknown ${deliveries.unknown.length}, still queued ${unsettled}`,
    );
    const correct = errorsOk && setsHold(sets) && finishLost.length === 0 && deliveriesHold(deliveries) && sets.acknowledged > 0;
    return { correct, saveP95 };
  } finally {
    await watcher.close();
    // The clients' keep-alive connections first: a server stopping waits for its open connections.
    closeConnections();
    await instances?.stop();
    await receiver.close();
    if (!options.keep) await database.drop();
    else log(`Kept the database: ${database.directUrl}`);
  }
}
