/**
 * When each set happened. Ironlog stores a session's start and duration but no set's own time, while a
 * FIT file gives every set a start and a length; so the sets are laid out over the session, the same
 * way every time (the same workout gives the same file):
 *
 * - A set's work lasts its own time when it has one (a plank's 60 s, a row's 8:00), otherwise 4 s a
 *   rep, 10 s to 2 min (a missed attempt, a carry without a time: 30 s).
 * - The session lasts its stored duration (else finish minus start). The first set starts with the
 *   session and the last ends with it; the time left over is rest, shared out evenly between the sets
 *   (the earlier gaps take the odd seconds).
 * - When the work does not fit in the duration, each set's work is shortened in proportion (at least
 *   1 s a set) and there is no rest. When there is no duration, or less than a second a set, the session
 *   lasts the work plus 90 s of rest between sets.
 *
 * Times are whole seconds since the Unix epoch: FIT's clock counts whole seconds.
 */

export const SECONDS_PER_REP = 4;
const MIN_REP_WORK_SECONDS = 10;
const MAX_REP_WORK_SECONDS = 120;
const UNTIMED_WORK_SECONDS = 30;
const DEFAULT_REST_SECONDS = 90;

export type TimelineSet = { reps: number; seconds: number | null };
export type TimelineSession = { startedAt: Date; finishedAt: Date | null; durationSeconds: number | null };
export type Span = { start: number; end: number };
export type Timeline = Span & { sets: Span[] };

/** How long a set's work is taken to last, in whole seconds. */
export function workSeconds(set: TimelineSet): number {
  if (set.seconds !== null && set.seconds > 0) return set.seconds;
  if (set.reps > 0) return Math.min(MAX_REP_WORK_SECONDS, Math.max(MIN_REP_WORK_SECONDS, set.reps * SECONDS_PER_REP));
  return UNTIMED_WORK_SECONDS;
}

/** The session's length in whole seconds, as stored (else finish minus start), or null when unknown. */
function storedSpan(session: TimelineSession): number | null {
  if (session.durationSeconds !== null) return session.durationSeconds;
  if (session.finishedAt === null) return null;
  return Math.max(0, Math.floor((session.finishedAt.getTime() - session.startedAt.getTime()) / 1000));
}

/**
 * `total` seconds shared out in proportion to `work`, at least 1 s each, adding up to `total` exactly:
 * whole seconds by the largest remainder (ties to the earlier set). Needs total ≥ work.length.
 */
function shrink(work: readonly number[], total: number): number[] {
  const spare = work.reduce((sum, w) => sum + (w - 1), 0);
  const room = total - work.length;
  const exact = work.map((w) => (spare === 0 ? room / work.length : ((w - 1) * room) / spare));
  const shares = exact.map((x) => 1 + Math.floor(x));
  let left = total - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}

/** The session's span and each set's, in order (see the module's comment for the rules). */
export function spreadSets(session: TimelineSession, sets: readonly TimelineSet[]): Timeline {
  const start = Math.floor(session.startedAt.getTime() / 1000);
  let work = sets.map(workSeconds);
  const workTotal = work.reduce((sum, w) => sum + w, 0);
  const gaps = Math.max(0, sets.length - 1);
  let span = storedSpan(session);
  if (span === null || (sets.length > 0 && span < sets.length)) span = workTotal + gaps * DEFAULT_REST_SECONDS;
  if (workTotal > span) work = shrink(work, span);
  const rest = span - work.reduce((sum, w) => sum + w, 0);
  const spans: Span[] = [];
  let at = start;
  work.forEach((w, i) => {
    spans.push({ start: at, end: at + w });
    at += w;
    if (i < gaps) at += Math.floor(rest / gaps) + (i < rest % gaps ? 1 : 0);
  });
  return { start, end: start + span, sets: spans };
}
