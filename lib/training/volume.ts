/**
 * Weekly training volume per muscle, weighted by how strongly each exercise works the muscle: one set
 * of an exercise rated 60 for a muscle counts 0.6 set for it. Weeks are ISO weeks (Monday to Sunday)
 * in the athlete's time zone, so a Sunday-evening session is not pushed into next week by UTC.
 */
import { countsAsWork } from "./set";
import type { MuscleActivation, SetType } from "./types";
import { wallClockAt } from "@/lib/time-zone";

export type VolumeSet = {
  performedAt: Date;
  exerciseId: number;
  /** Sets with no reps (skipped or failed) do not count as volume, unless timed or a distance. Omitted = counts. */
  reps?: number;
  seconds?: number | null;
  distanceM?: number | null;
  /** Warm-ups do not count as volume. */
  setType?: SetType;
  /** Nor do missed attempts. */
  missed?: boolean;
};

/** A working set: not a warm-up nor a missed attempt, and it did something (reps, a time or a distance). */
export function countsAsVolume(set: VolumeSet): boolean {
  if (!countsAsWork(set)) return false;
  if (set.reps === undefined || set.reps > 0) return true;
  return (set.seconds ?? 0) > 0 || (set.distanceM ?? 0) > 0;
}

export type WeeklyMuscleVolume = {
  /** ISO week, e.g. "2025-W03". */
  week: string;
  /** The Monday that starts the week, "YYYY-MM-DD". */
  weekStart: string;
  /** Activation-weighted sets per muscle name, rounded to 0.01; muscles with no volume are absent. */
  setsByMuscle: Record<string, number>;
};

export type TargetRange = { min: number; max: number };
export type VolumeStatus = "below" | "within" | "above";

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** The calendar date of an instant in a time zone, as a UTC-midnight Date (for day arithmetic). */
function calendarDate(instant: Date, timeZone: string): Date {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return new Date(Date.UTC(year, month - 1, day));
}

function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function isoWeekOfCalendarDay(day: Date): { week: string; weekStart: string } {
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(day.getTime() - weekday * DAY_MS);
  // The ISO week-year is the year of the week's Thursday; week 1 holds the year's first Thursday.
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, "0")}`, weekStart: isoDate(monday) };
}

/** The ISO week an instant falls in, in `timeZone` (an IANA name such as "Europe/Paris"; default UTC). */
export function isoWeekOf(instant: Date, timeZone = "UTC"): { week: string; weekStart: string } {
  return isoWeekOfCalendarDay(calendarDate(instant, timeZone));
}

/**
 * Activation-weighted sets per muscle for each ISO week that has sets, oldest first. With
 * `includeEmptyWeeks` (the default) the weeks between the first and the last are all present, so a
 * chart shows a week off as zero rather than skipping it. Sets of exercises missing from
 * `musclesByExercise` count for no muscle.
 */
export function weeklyMuscleVolume(
  sets: readonly VolumeSet[],
  musclesByExercise: ReadonlyMap<number, readonly MuscleActivation[]>,
  options: { timeZone?: string; includeEmptyWeeks?: boolean } = {},
): WeeklyMuscleVolume[] {
  const timeZone = options.timeZone ?? "UTC";
  const weeks = new Map<string, { week: string; weekStart: string; sets: Map<string, number> }>();
  // Time-zone offsets are whole quarter hours and change only at quarter-hour instants, so every
  // instant in the same UTC quarter hour has the same local date. Sets of one session share a few
  // quarter hours: this saves most of the (slow) Intl date formatting.
  const weekOfQuarterHour = new Map<number, { week: string; weekStart: string }>();
  for (const set of sets) {
    if (!countsAsVolume(set)) continue;
    const quarterHour = Math.floor(set.performedAt.getTime() / QUARTER_HOUR_MS);
    let isoWeek = weekOfQuarterHour.get(quarterHour);
    if (!isoWeek) weekOfQuarterHour.set(quarterHour, (isoWeek = isoWeekOf(set.performedAt, timeZone)));
    const { week, weekStart } = isoWeek;
    let row = weeks.get(weekStart);
    if (!row) weeks.set(weekStart, (row = { week, weekStart, sets: new Map() }));
    for (const { muscle, activation } of musclesByExercise.get(set.exerciseId) ?? []) {
      if (!(activation > 0)) continue;
      row.sets.set(muscle, (row.sets.get(muscle) ?? 0) + Math.min(activation, 100) / 100);
    }
  }

  const starts = [...weeks.keys()].sort();
  if ((options.includeEmptyWeeks ?? true) && starts.length > 1) {
    const last = Date.parse(`${starts[starts.length - 1]}T00:00:00Z`);
    for (let t = Date.parse(`${starts[0]}T00:00:00Z`) + 7 * DAY_MS; t < last; t += 7 * DAY_MS) {
      const monday = new Date(t);
      if (!weeks.has(isoDate(monday))) weeks.set(isoDate(monday), { ...isoWeekOfCalendarDay(monday), sets: new Map() });
    }
  }
  return [...weeks.keys()].sort().map((key) => {
    const { week, weekStart, sets: byMuscle } = weeks.get(key)!;
    // Sums of tenths drift in binary (0.6 + 0.6 + 0.6 = 1.7999…); a hundredth of a set is plenty.
    // A plain object (built by fromEntries, so any muscle name is safe as a key) passes from a
    // server component to a client chart as is.
    const setsByMuscle = Object.fromEntries([...byMuscle].map(([m, v]) => [m, Math.round(v * 100) / 100]));
    return { week, weekStart, setsByMuscle };
  });
}

/**
 * Weekly set targets, counted in activation-weighted sets (so indirect work counts, partly).
 *
 * Source: 10-20 weekly sets per muscle for the large prime movers follows the dose-response
 * meta-analysis of Schoenfeld, Ogborn & Krieger (2017, J Sports Sci 35(11):1073-1082: 10+ weekly sets
 * grew muscle more than fewer) and the meta-analysis of Baz-Valle et al. (2022, J Hum Kinet
 * 81:199-210: 12-20 weekly sets recommended; more than 20 gave no clear extra growth for the
 * quadriceps or biceps). Smaller muscles that already collect a lot of weighted indirect
 * volume from presses and pulls get lower ranges, in the spirit of Renaissance Periodization's
 * volume landmarks (Israetel et al.): a bench press alone already gives the triceps 0.7 set.
 * These are hypertrophy figures; they are a reasonable yardstick for the other goals too.
 */
export const WEEKLY_SET_TARGETS: Readonly<Record<string, TargetRange>> = {
  "Pectoralis major": { min: 10, max: 20 },
  "Latissimus dorsi": { min: 10, max: 20 },
  Quadriceps: { min: 10, max: 20 },
  Hamstrings: { min: 10, max: 20 },
  "Gluteus maximus": { min: 10, max: 20 },
  "Lateral deltoid": { min: 10, max: 20 },
  "Anterior deltoid": { min: 6, max: 16 },
  "Posterior deltoid": { min: 8, max: 16 },
  Trapezius: { min: 8, max: 16 },
  Rhomboids: { min: 8, max: 16 },
  "Erector spinae": { min: 6, max: 14 },
  "Triceps brachii": { min: 8, max: 16 },
  "Biceps brachii": { min: 8, max: 16 },
  Brachialis: { min: 4, max: 12 },
  "Forearm flexors": { min: 4, max: 12 },
  Calves: { min: 8, max: 16 },
  "Rectus abdominis": { min: 6, max: 16 },
  Obliques: { min: 6, max: 14 },
  "Gluteus medius": { min: 6, max: 14 },
  Adductors: { min: 6, max: 14 },
  "Hip flexors": { min: 4, max: 12 },
};

/** The weekly target for a muscle, or undefined for a muscle with no published range. */
export function weeklyTargetFor(muscle: string): TargetRange | undefined {
  return Object.hasOwn(WEEKLY_SET_TARGETS, muscle) ? WEEKLY_SET_TARGETS[muscle] : undefined;
}

/** Below, within (bounds included) or above a target range. */
export function classifyWeeklyVolume(sets: number, target: TargetRange): VolumeStatus {
  if (sets < target.min) return "below";
  if (sets > target.max) return "above";
  return "within";
}

export type MuscleVolumeStatus = { muscle: string; sets: number; target: TargetRange; status: VolumeStatus };

/**
 * One week's volume set against the targets, for every muscle that has a target (a muscle not
 * trained at all is "below", which is the point of showing it), in the order of WEEKLY_SET_TARGETS.
 */
export function compareWeekWithTargets(week: Pick<WeeklyMuscleVolume, "setsByMuscle">): MuscleVolumeStatus[] {
  return Object.entries(WEEKLY_SET_TARGETS).map(([muscle, target]) => {
    const sets = week.setsByMuscle[muscle] ?? 0;
    return { muscle, sets, target, status: classifyWeeklyVolume(sets, target) };
  });
}

/**
 * The week the progress page opens on: the one asked for, else the latest week with any training in
 * it (an athlete who trained last week sees last week, not an empty "this week"), else the latest.
 */
export function weekToShow<W extends Pick<WeeklyMuscleVolume, "weekStart" | "setsByMuscle">>(
  weeks: readonly W[],
  requested?: string,
): W | undefined {
  return (
    weeks.find((w) => w.weekStart === requested) ??
    weeks.findLast((w) => Object.values(w.setsByMuscle).some((sets) => sets > 0)) ??
    weeks.at(-1)
  );
}

/**
 * The weeks the progress page offers: the last `count` ISO weeks up to the one `now` falls in, in
 * `timeZone`. `since` is where to start reading sets: a day before the first week's Monday (UTC), so
 * that a zone ahead of UTC loses none of that week's sets. `weeks` lays the weeks with training over
 * that window, oldest first; this week is always there, even before its first set.
 */
export function weekWindow(now: Date, timeZone: string, count: number) {
  const thisWeek = isoWeekOf(now, timeZone);
  const since = new Date(Date.parse(`${thisWeek.weekStart}T00:00:00Z`) - (count - 1) * 7 * DAY_MS - DAY_MS);
  return {
    thisWeek,
    since,
    weeks(trained: readonly WeeklyMuscleVolume[]): WeeklyMuscleVolume[] {
      const byStart = new Map(trained.map((w) => [w.weekStart, w] as const));
      if (!byStart.has(thisWeek.weekStart)) byStart.set(thisWeek.weekStart, { ...thisWeek, setsByMuscle: {} });
      return [...byStart.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart)).slice(-count);
    },
  };
}
