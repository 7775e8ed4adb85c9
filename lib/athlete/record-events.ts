/**
 * Turning an athlete's logged sets into what the progress pages show: the estimated-1RM series of an
 * exercise (or, for a timed or distance one, its best hold, distance or pace per session), and the
 * personal records as they happened. Plain functions over plain rows, so the
 * database code stays a pair of SELECTs.
 */
import { estimateOneRepMax } from "@/lib/training/one-rep-max";
import { detectPersonalRecords, type PersonalRecord, type RecordKind, recordValues } from "@/lib/training/records";
import { countsAsWork, type LoggedSet } from "@/lib/training/set";
import type { ExerciseMeasure } from "@/lib/training/types";
import { calendarDayIn } from "./calendar";
import { recordHolders } from "./record-holders";

export type HistorySet = LoggedSet & { sessionId: number; exerciseId: number; performedAt: Date };

export type OneRepMaxPoint = {
  sessionId: number;
  performedAt: Date;
  /** The session's best estimate, kilograms. */
  estimateKg: number;
  /** How it was computed, e.g. "Brzycki, adjusted for RPE 8". */
  formula: string;
  set: LoggedSet;
};

/**
 * One point per session: the best reliable estimated 1RM among its sets of the exercise. Warm-ups,
 * missed attempts and sets past 12 effective reps are left out (too rough to chart), and so are
 * sessions with none left.
 */
export function oneRepMaxSeries(sets: readonly HistorySet[]): OneRepMaxPoint[] {
  const bySession = new Map<number, OneRepMaxPoint>();
  for (const set of sets) {
    const estimate = countsAsWork(set) ? estimateOneRepMax(set) : null;
    if (!estimate || !estimate.reliable) continue;
    const current = bySession.get(set.sessionId);
    if (!current || estimate.valueKg > current.estimateKg) {
      bySession.set(set.sessionId, {
        sessionId: set.sessionId,
        performedAt: set.performedAt,
        estimateKg: estimate.valueKg,
        formula: estimate.label,
        set: { weightKg: set.weightKg, reps: set.reps, rpe: set.rpe ?? null },
      });
    }
  }
  return [...bySession.values()].sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime() || a.sessionId - b.sessionId);
}

/** What a timed or distance exercise is charted by, session by session; null: by estimated 1RM. */
export type SessionBestKind = Extract<RecordKind, "longest_hold" | "longest_distance" | "best_pace">;

export function sessionBestKind(measure: ExerciseMeasure): SessionBestKind | null {
  if (measure === "time") return "longest_hold";
  if (measure === "distance") return "longest_distance";
  if (measure === "distance_time") return "best_pace";
  return null;
}

export type SessionBestPoint = {
  sessionId: number;
  performedAt: Date;
  /** In RECORD_UNITS[kind]: seconds, metres, or metres per second. */
  value: number;
  set: LoggedSet;
};

/** One point per session: its best set by `kind` (warm-ups never count), oldest first. */
export function sessionBestSeries(sets: readonly HistorySet[], kind: SessionBestKind): SessionBestPoint[] {
  const bySession = new Map<number, SessionBestPoint>();
  for (const set of sets) {
    const value = recordValues(set)[kind];
    if (value === null) continue;
    const current = bySession.get(set.sessionId);
    if (!current || value > current.value) {
      bySession.set(set.sessionId, { sessionId: set.sessionId, performedAt: set.performedAt, value, set });
    }
  }
  return [...bySession.values()].sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime() || a.sessionId - b.sessionId);
}

export type RecordEvent = {
  sessionId: number;
  exerciseId: number;
  performedAt: Date;
  set: LoggedSet;
  records: PersonalRecord[];
};

/**
 * Every set that beat an earlier best, oldest first (pass sets in the order they were performed).
 * The first sets of an exercise only set a baseline, so records with no previous value are left out:
 * a list of "records" that are merely first attempts would bury the real ones.
 */
export function recordEvents(sets: readonly HistorySet[]): RecordEvent[] {
  const holders = new Map<number, LoggedSet[]>();
  const events: RecordEvent[] = [];
  for (const set of sets) {
    const earlier = holders.get(set.exerciseId) ?? [];
    const logged: LoggedSet = {
      weightKg: set.weightKg,
      reps: set.reps,
      rpe: set.rpe ?? null,
      missed: set.missed ?? false,
      setType: set.setType ?? "normal",
      seconds: set.seconds ?? null,
      distanceM: set.distanceM ?? null,
    };
    const records = detectPersonalRecords(earlier, logged).filter((r) => r.previous !== null);
    if (records.length)
      events.push({ sessionId: set.sessionId, exerciseId: set.exerciseId, performedAt: set.performedAt, set: logged, records });
    holders.set(set.exerciseId, recordHolders([...earlier, logged]));
  }
  return events;
}

/**
 * One record per kind per exercise per day, as lists show them: when a day's second set beat its
 * first, the athlete sees one "Heaviest weight" that day (the day's best, measured against the best
 * before that day), not two. Events keep their order; an event left with no record is dropped.
 */
export function dailyRecords<E extends RecordEvent>(events: readonly E[], timeZone: string): E[] {
  const dayKey = (event: E, kind: string) => `${event.exerciseId}|${calendarDayIn(event.performedAt, timeZone)}|${kind}`;
  const last = new Map<string, E>();
  const firstPrevious = new Map<string, number | null>();
  for (const event of events) {
    for (const record of event.records) {
      const key = dayKey(event, record.kind);
      last.set(key, event);
      if (!firstPrevious.has(key)) firstPrevious.set(key, record.previous);
    }
  }
  const kept: E[] = [];
  for (const event of events) {
    const records = event.records
      .filter((record) => last.get(dayKey(event, record.kind)) === event)
      .map((record) => ({ ...record, previous: firstPrevious.get(dayKey(event, record.kind)) ?? record.previous }));
    if (records.length) kept.push({ ...event, records });
  }
  return kept;
}
