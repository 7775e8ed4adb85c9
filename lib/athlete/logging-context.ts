/**
 * What the logger knows about the athlete's earlier training of the exercises in a session: "last
 * time" for each, and the few sets that hold their records, so records are detected in the browser,
 * offline. Built from plain rows, so the database side stays one query (server/queries/sessions.ts).
 */
import type { LoggedSet } from "@/lib/training/set";
import { recordHolders } from "@/lib/athlete/record-holders";

export type PreviousPerformance = { sessionId: number; startedAt: Date; sets: LoggedSet[] };

/** How many earlier sessions of each exercise the context keeps whole: the progression rule looks at two. */
export const RECENT_SESSIONS = 2;

export type LoggingContext = {
  /**
   * For each exercise, the sets of the athlete's most recent earlier session that had it: what the
   * logger shows inline ("last time: 60 kg × 8").
   */
  previous: Map<number, PreviousPerformance>;
  /**
   * For each exercise, the few earlier sets that hold the athlete's records (heaviest, best e1RM,
   * best volume). Detecting a record against these gives the same answer as against the whole
   * history (lib/athlete/record-holders), so the logger detects records in the browser, offline.
   */
  records: Map<number, LoggedSet[]>;
  /** For each exercise, the sets of its last RECENT_SESSIONS earlier sessions, newest first (progression). */
  recent: Map<number, LoggedSet[][]>;
};

/** One earlier set of an exercise, with the session it was logged in. */
export type HistorySet = LoggedSet & { sessionId: number; startedAt: Date; exerciseId: number };

/**
 * The logging context from the athlete's earlier sets of the exercises, newest session first (ties
 * broken by session id), each session's sets in logged order.
 */
export function contextFromHistory(rows: readonly HistorySet[]): LoggingContext {
  const context: LoggingContext = { previous: new Map(), records: new Map(), recent: new Map() };
  const history = new Map<number, LoggedSet[]>();
  // Per exercise, the ids of the recent sessions met so far, in order (newest first).
  const recentIds = new Map<number, number[]>();
  for (const { sessionId, startedAt, exerciseId, ...set } of rows) {
    // Newest session first: the first session met for an exercise is its "last time".
    let previous = context.previous.get(exerciseId);
    if (!previous) context.previous.set(exerciseId, (previous = { sessionId, startedAt, sets: [] }));
    if (previous.sessionId === sessionId) previous.sets.push(set);
    const ids = recentIds.get(exerciseId) ?? [];
    if (!ids.includes(sessionId) && ids.length < RECENT_SESSIONS) ids.push(sessionId);
    recentIds.set(exerciseId, ids);
    const at = ids.indexOf(sessionId);
    if (at >= 0) {
      const sessions = context.recent.get(exerciseId) ?? [];
      (sessions[at] ??= []).push(set);
      context.recent.set(exerciseId, sessions);
    }
    const list = history.get(exerciseId) ?? [];
    list.push(set);
    history.set(exerciseId, list);
  }
  for (const [exerciseId, sets] of history) {
    const holders = recordHolders(sets);
    if (holders.length) context.records.set(exerciseId, holders);
  }
  return context;
}

/** A set as the browser gets it: its values only, every optional one given (nothing to default there). */
function plainSet(s: LoggedSet): LoggedSet {
  return {
    weightKg: s.weightKg,
    reps: s.reps,
    rpe: s.rpe ?? null,
    setType: s.setType ?? "normal",
    seconds: s.seconds ?? null,
    distanceM: s.distanceM ?? null,
  };
}

/**
 * The logger's props for a logging context: last time (its day as `dayOf` writes it, in the athlete's zone:
 * the browser then builds no date formatter) and the record-holding sets, by exercise id.
 */
export function loggerHistory(
  context: Pick<LoggingContext, "previous" | "records">,
  dayOf: (date: Date) => string,
): {
  previous: Record<number, { day: string; sets: LoggedSet[] }>;
  recordSets: Record<number, LoggedSet[]>;
} {
  return {
    previous: Object.fromEntries(
      [...context.previous].map(([k, v]) => [k, { day: dayOf(v.startedAt), sets: v.sets.map(plainSet) }]),
    ),
    recordSets: Object.fromEntries([...context.records].map(([k, v]) => [k, v.map(plainSet)])),
  };
}

/** The recent sessions' sets of each exercise (the progression's input), as the browser gets them. */
export function plainRecent(recent: LoggingContext["recent"]): Record<number, LoggedSet[][]> {
  return Object.fromEntries([...recent].map(([k, v]) => [k, v.map((sets) => sets.map(plainSet))]));
}
