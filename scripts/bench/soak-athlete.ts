/**
 * One athlete of the soak, logging as the logger does: its state and its saves are the logger's own
 * pure functions (lib/athlete: a workout started on the device, a row typed and ticked, the pending
 * changes sent to PUT /api/sessions/:uid one request at a time, the merged answer adopted, a failed
 * save sent again after RETRY_MS or with the next change, and GET every POLL_MS while nothing is
 * pending). Only the address changes: a save that fails on one instance goes to the other, as a load
 * balancer would send it while that one is down.
 */
import { randomUUID } from "node:crypto";
import { deviceStartedSession, type PlanDay } from "@/lib/athlete/device-start";
import { logRow, requestFinish, typeInRow } from "@/lib/athlete/logger-actions";
import { adoptServer, hasPending, openState, type LoggerState, type SetText } from "@/lib/athlete/logger-state";
import { acknowledge, saveInput } from "@/lib/athlete/logger-sync";
import { POLL_MS, RETRY_MS } from "@/lib/athlete/sync-timing";
import type { SaveResult, SessionSnapshot } from "@/lib/athlete/session-sync";
import { MEASURE_FIELDS } from "@/lib/training/set";
import type { ExerciseMeasure } from "@/lib/training/types";
import { request } from "./http";
import type { SoakSet } from "./soak-oracle";

export type RequestKind = "save a set" | "finish a workout" | "poll the session";

/** What every athlete reports to: latencies of answered requests, failures, and what was acknowledged. */
export interface SoakRecorder {
  answered(kind: RequestKind, ms: number): void;
  /** A request that failed and will be sent again (a refused connection, a 5xx): not yet an error. */
  retried(kind: RequestKind, reason: string): void;
  /** An error the athlete would see and that no retry repairs (a 4xx, or a save still pending at the end). */
  failed(kind: RequestKind, reason: string): void;
  acknowledged(set: SoakSet): void;
  finished(sessionUid: string): void;
}

export interface SoakAthleteOptions {
  email: string;
  cookie: string;
  days: PlanDay[];
  /** The instances' base URLs, and the one this athlete is sent to while it answers. */
  urls: string[];
  home: number;
  /** Mean seconds between two sets; each wait is drawn from 0.5× to 1.5× of it. */
  paceSeconds: number;
  /** Sets in a workout before the athlete finishes it and starts the next. */
  setsPerWorkout: number;
  recorder: SoakRecorder;
  /** Deterministic jitter per athlete. */
  random: () => number;
}

/** How long a client waits for an answer before taking the request for lost. */
const REQUEST_TIMEOUT_MS = 30_000;
/** How long an instance that failed a request is left alone before this athlete tries it again. */
const DOWN_MS = 5_000;

/** Values for a set of an exercise of this measure, varied by the set's number so a mix-up shows. */
function typedSet(measure: ExerciseMeasure, n: number): Partial<SetText> {
  const fields = MEASURE_FIELDS[measure];
  return {
    ...(fields.weightKg ? { weightKg: String(20 + (n % 10) * 2.5) } : {}),
    ...(fields.reps ? { reps: String(5 + (n % 6)) } : {}),
    ...(fields.seconds ? { seconds: String(30 + (n % 5) * 5) } : {}),
    ...(fields.distanceM ? { distanceM: String(1 + (n % 3)) } : {}),
  };
}

export class SoakAthlete {
  private state!: LoggerState;
  private inFlight = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private downUntil: number[];
  private workouts = 0;
  private setsLogged = 0;
  private stopped = false;

  constructor(private readonly o: SoakAthleteOptions) {
    this.downUntil = o.urls.map(() => 0);
  }

  /** Logs until `endAt` (ms since the epoch), then sends what is pending until it is saved or `drainUntil` passes. */
  async run(endAt: number, drainUntil: number): Promise<void> {
    this.startWorkout();
    // Phones open the logger at different moments, so their polls do not land together: each athlete's
    // first poll comes at its own offset within the interval.
    let poll: NodeJS.Timeout | undefined;
    const firstPoll = setTimeout(() => {
      void this.poll();
      poll = setInterval(() => void this.poll(), POLL_MS);
    }, this.o.random() * POLL_MS);
    try {
      while (Date.now() < endAt) {
        const wait = this.o.paceSeconds * 1000 * (0.5 + this.o.random());
        await new Promise((resolve) => setTimeout(resolve, Math.min(wait, Math.max(0, endAt - Date.now()))));
        if (Date.now() >= endAt) break;
        this.tick();
        void this.sync();
      }
    } finally {
      clearTimeout(firstPoll);
      clearInterval(poll);
    }
    // The page stays open until its queue is empty, trying again as the logger does.
    while (hasPending(this.state.pending) && Date.now() < drainUntil) {
      await this.sync();
      if (hasPending(this.state.pending)) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    while (this.inFlight) await new Promise((resolve) => setTimeout(resolve, 100));
    if (hasPending(this.state.pending)) this.o.recorder.failed("save a set", "still not saved when the soak ended");
  }

  private startWorkout(): void {
    const day = this.o.days[this.workouts % this.o.days.length];
    this.workouts++;
    this.setsLogged = 0;
    const { snapshot, start } = deviceStartedSession(randomUUID(), day, Date.now(), randomUUID);
    this.state = openState(null, snapshot, "kg", start);
  }

  /** The athlete ticks the next planned row (typed with this set's values), or finishes the workout. */
  private tick(): void {
    if (this.state.pending.finish) return;
    if (this.state.server.finishedAt) {
      this.startWorkout();
      return;
    }
    if (this.setsLogged >= this.o.setsPerWorkout) {
      this.state = requestFinish(this.state);
      return;
    }
    for (const slot of this.state.server.exercises) {
      for (const row of this.state.rows[slot.id] ?? []) {
        if (this.state.errors[row.id]) continue;
        const typed = typeInRow(this.state, row.id, slot.id, typedSet(slot.measure, this.setsLogged));
        const { state, logged } = logRow(typed, row.id, slot.id, null, Date.now());
        this.state = state;
        if (logged) {
          this.setsLogged++;
          return;
        }
      }
    }
    // Every planned row logged: done.
    this.state = requestFinish(this.state);
  }

  private target(): number {
    const now = Date.now();
    const { home, urls } = this.o;
    if (this.downUntil[home] <= now) return home;
    for (let i = 1; i < urls.length; i++) if (this.downUntil[(home + i) % urls.length] <= now) return (home + i) % urls.length;
    return home;
  }

  private async sync(): Promise<void> {
    if (this.inFlight || this.stopped) return;
    const sending = this.state;
    if (!hasPending(sending.pending)) return;
    const sent = sending.pending;
    const kind: RequestKind = sent.finish ? "finish a workout" : "save a set";
    this.inFlight = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const instance = this.target();
    let retry = false;
    let again = false;
    const started = performance.now();
    try {
      const reply = await request("PUT", `${this.o.urls[instance]}/api/sessions/${sending.server.uid}`, {
        headers: { cookie: this.o.cookie, "content-type": "application/json" },
        body: JSON.stringify(saveInput(sending)),
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      const ms = performance.now() - started;
      if (reply.status === 200) {
        this.o.recorder.answered(kind, ms);
        const { snapshot, conflicts = [] } = JSON.parse(reply.body.toString()) as SaveResult;
        for (const set of Object.values(sent.sets)) {
          this.o.recorder.acknowledged({
            uid: set.id,
            sessionUid: sending.server.uid,
            slotId: set.slotId,
            position: set.position,
            weightKg: set.values.weightKg,
            reps: set.values.reps,
          });
        }
        if (sent.finish && snapshot.finishedAt) this.o.recorder.finished(snapshot.uid);
        this.state = acknowledge(this.state, sent, snapshot, conflicts);
        again = true;
      } else if (reply.status >= 500) {
        this.markDown(instance);
        this.o.recorder.retried(kind, `HTTP ${reply.status}`);
        retry = true;
      } else {
        // 401, 404, 422: the logger shows these and does not send the same again; nothing here should earn one.
        this.o.recorder.failed(kind, `HTTP ${reply.status}: ${reply.body.toString().slice(0, 200)}`);
        this.state = { ...this.state, pending: { ...this.state.pending, sets: {}, finish: false, start: undefined } };
      }
    } catch (error) {
      this.markDown(instance);
      this.o.recorder.retried(
        kind,
        error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error),
      );
      retry = true;
    } finally {
      this.inFlight = false;
    }
    if (this.stopped) return;
    if (retry) this.retryTimer = setTimeout(() => void this.sync(), RETRY_MS);
    else if (again && hasPending(this.state.pending)) await this.sync();
  }

  private markDown(instance: number): void {
    this.downUntil[instance] = Date.now() + DOWN_MS;
  }

  /** The logger's refresh: with changes pending it saves instead; otherwise it adopts a newer session. */
  private async poll(): Promise<void> {
    if (this.inFlight || this.stopped) return;
    if (hasPending(this.state.pending)) return void this.sync();
    const uid = this.state.server.uid;
    const instance = this.target();
    const started = performance.now();
    try {
      const reply = await request("GET", `${this.o.urls[instance]}/api/sessions/${uid}`, {
        headers: { cookie: this.o.cookie },
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      if (reply.status === 200) {
        this.o.recorder.answered("poll the session", performance.now() - started);
        const snapshot = JSON.parse(reply.body.toString()) as SessionSnapshot;
        if (!this.inFlight && this.state.server.uid === uid && snapshot.revision > this.state.server.revision)
          this.state = adoptServer(this.state, snapshot);
      } else if (reply.status >= 500) {
        this.markDown(instance);
        this.o.recorder.retried("poll the session", `HTTP ${reply.status}`);
      } else if (reply.status !== 404 || this.state.server.id !== 0) {
        // A workout not created yet answers 404 until its first save lands: that is expected.
        this.o.recorder.failed("poll the session", `HTTP ${reply.status}`);
      }
    } catch (error) {
      this.markDown(instance);
      this.o.recorder.retried("poll the session", error instanceof Error ? error.message : String(error));
    }
  }
}
