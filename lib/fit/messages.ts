/**
 * A finished workout as the messages of a FIT activity file, set by set: what Garmin Connect and
 * Strava read for a strength session. Pure: the same workout gives the same messages, so the same
 * bytes (the file's creation time is the session's last change, never the clock).
 *
 * - `file_id` (an activity), `device_info` naming Ironlog, `sport` training / strength training, the
 *   timer's start and stop events, a `record` at the start of each lap and at the end.
 * - One `set` per logged set, in the session's order: repetitions, weight in kg (FIT keeps 1/16 kg),
 *   set type active, the exercise's FIT category and name where FIT has one; a rest `set` between two
 *   sets that have time between them. FIT's set type is only active or rest, so a warm-up is marked by
 *   its category: FIT's `warmUp` first, the exercise's category after it, which keeps it out of the
 *   exercise's volume in Garmin Connect as in Ironlog. Drop sets and sets to failure are active sets.
 *   A missed attempt is written in its place with its weight and 0 repetitions: the bar did not go up,
 *   so it adds nothing to repetitions or volume, as in Ironlog.
 * - One `lap` per run of sets of one exercise, and one per set of an exercise measured by time or
 *   distance (its timer time is the set's time, its distance the set's); laps follow each other with
 *   no gap, the rest after a lap's last set counted in its elapsed time.
 * - A `session` and an `activity` with the totals. Times are UTC (spread over the session by
 *   ./timeline.ts); no local time is written, so apps show the athlete's own zone.
 */
import { Profile } from "@garmin/fitsdk";
import type { SetValues } from "@/lib/training/set";
import type { ExerciseMeasure } from "@/lib/training/types";
import type { WeightUnit } from "@/lib/training/units";
import { fitExerciseFor } from "./exercise-category";
import { type Span, spreadSets } from "./timeline";

export type FitSet = SetValues & { exerciseId: number; exerciseName: string; measure: ExerciseMeasure };

export type FitWorkout = {
  id: number;
  name: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationSeconds: number | null;
  /** The session's last change: the file's creation time, so an edited workout is a new file to Garmin Connect. */
  updatedAt: Date;
  sets: readonly FitSet[];
};

/** One FIT message: its number and its fields by the SDK's names (the shape the SDK's Encoder takes). */
export type FitMessage = { mesgNum: number } & Record<string, unknown>;

const SPORT = { sport: "training", subSport: "strengthTraining" } as const;
/** FIT's "no value" for an element of a uint16 array (the warm-up category has no exercise name here). */
const NO_SUBTYPE = 0xffff;
const MEASURED_BY_TIME_OR_DISTANCE: ReadonlySet<ExerciseMeasure> = new Set(["time", "distance", "distance_time"]);

const at = (seconds: number) => new Date(seconds * 1000);

/** The number FIT gives an exercise name within its category, e.g. benchPress / barbellBenchPress → 1. */
function exerciseNameNumber(category: string, name: string | undefined): number | undefined {
  if (!name) return undefined;
  const names = (Profile.types as Record<string, Record<number, string> | undefined>)[`${category}ExerciseName`];
  const entry = names && Object.entries(names).find(([, value]) => value === name);
  return entry ? Number(entry[0]) : undefined;
}

/** The `category` and `categorySubtype` of a set: the exercise's, with FIT's warm-up category first for a warm-up. */
function categoryFields(set: FitSet): { category?: string[]; categorySubtype?: number[] } {
  const exercise = fitExerciseFor(set.exerciseName);
  const subtype = exercise ? exerciseNameNumber(exercise.category, exercise.name) : undefined;
  const category = exercise ? [exercise.category] : [];
  const categorySubtype = subtype === undefined ? [] : [subtype];
  if (set.setType === "warmup") {
    return {
      category: ["warmUp", ...category],
      ...(categorySubtype.length ? { categorySubtype: [NO_SUBTYPE, ...categorySubtype] } : {}),
    };
  }
  return category.length ? { category, ...(categorySubtype.length ? { categorySubtype } : {}) } : {};
}

/** Sets grouped into laps: a run of one exercise's sets, or a set of time or distance alone. */
function lapGroups(sets: readonly FitSet[]): number[][] {
  const groups: number[][] = [];
  sets.forEach((set, i) => {
    const last = groups.at(-1);
    const previous = i > 0 ? sets[i - 1] : undefined;
    const alone = MEASURED_BY_TIME_OR_DISTANCE.has(set.measure);
    if (
      last &&
      previous &&
      !alone &&
      !MEASURED_BY_TIME_OR_DISTANCE.has(previous.measure) &&
      previous.exerciseId === set.exerciseId
    ) {
      last.push(i);
    } else groups.push([i]);
  });
  return groups;
}

/** The FIT messages of a finished workout, in the order they are written. */
export function fitMessages(workout: FitWorkout, weightUnit: WeightUnit): FitMessage[] {
  const { sets } = workout;
  const timeline = spreadSets(workout, sets);
  const created = Math.floor(workout.updatedAt.getTime() / 1000);
  const messages: FitMessage[] = [
    {
      mesgNum: Profile.MesgNum.FILE_ID,
      type: "activity",
      manufacturer: "development",
      product: 0,
      // A FIT serial number of 0 means "none": the session's id names the workout to a deduplicating app.
      serialNumber: workout.id,
      timeCreated: at(created),
    },
    {
      mesgNum: Profile.MesgNum.DEVICE_INFO,
      timestamp: at(timeline.start),
      deviceIndex: "creator",
      manufacturer: "development",
      product: 0,
      productName: "Ironlog",
    },
    { mesgNum: Profile.MesgNum.SPORT, ...SPORT, name: "Strength" },
    { mesgNum: Profile.MesgNum.EVENT, timestamp: at(timeline.start), event: "timer", eventType: "start" },
  ];

  const groups = sets.length ? lapGroups(sets) : [];
  const lapSpans: Span[] = groups.length
    ? groups.map((group, g) => ({
        start: g === 0 ? timeline.start : timeline.sets[group[0]].start,
        end: g + 1 < groups.length ? timeline.sets[groups[g + 1][0]].start : timeline.end,
      }))
    : [{ start: timeline.start, end: timeline.end }];

  let distance = 0;
  let setIndex = 0;
  groups.forEach((group, g) => {
    messages.push({ mesgNum: Profile.MesgNum.RECORD, timestamp: at(lapSpans[g].start), distance });
    for (const i of group) {
      const set = sets[i];
      const span = timeline.sets[i];
      messages.push({
        mesgNum: Profile.MesgNum.SET,
        messageIndex: setIndex++,
        timestamp: at(span.end),
        startTime: at(span.start),
        duration: span.end - span.start,
        setType: "active",
        repetitions: set.missed ? 0 : set.reps,
        weight: set.weightKg,
        weightDisplayUnit: weightUnit === "lb" ? "pound" : "kilogram",
        ...categoryFields(set),
      });
      distance += set.distanceM ?? 0;
      const next = timeline.sets[i + 1];
      if (next && next.start > span.end) {
        messages.push({
          mesgNum: Profile.MesgNum.SET,
          messageIndex: setIndex++,
          timestamp: at(next.start),
          startTime: at(span.end),
          duration: next.start - span.end,
          setType: "rest",
        });
      }
    }
  });
  messages.push({ mesgNum: Profile.MesgNum.RECORD, timestamp: at(timeline.end), distance });
  messages.push({ mesgNum: Profile.MesgNum.EVENT, timestamp: at(timeline.end), event: "timer", eventType: "stop" });

  let timerTotal = 0;
  lapSpans.forEach((lap, g) => {
    const lapSets = (groups[g] ?? []).map((i) => sets[i]);
    const elapsed = lap.end - lap.start;
    const alone = lapSets.length === 1 && MEASURED_BY_TIME_OR_DISTANCE.has(lapSets[0].measure);
    const timer = alone ? timeline.sets[groups[g][0]].end - timeline.sets[groups[g][0]].start : elapsed;
    const lapDistance = lapSets.reduce((sum, s) => sum + (s.distanceM ?? 0), 0);
    timerTotal += timer;
    messages.push({
      mesgNum: Profile.MesgNum.LAP,
      messageIndex: g,
      timestamp: at(lap.end),
      startTime: at(lap.start),
      totalElapsedTime: elapsed,
      totalTimerTime: timer,
      ...(lapDistance > 0 ? { totalDistance: lapDistance } : {}),
      ...(alone && lapDistance > 0 && timer > 0 ? { avgSpeed: lapDistance / timer } : {}),
      intensity: lapSets.length && lapSets.every((s) => s.setType === "warmup") ? "warmup" : "active",
      event: "lap",
      eventType: "stop",
      lapTrigger: g === lapSpans.length - 1 ? "sessionEnd" : "manual",
      ...SPORT,
    });
  });

  messages.push({
    mesgNum: Profile.MesgNum.SESSION,
    messageIndex: 0,
    timestamp: at(timeline.end),
    startTime: at(timeline.start),
    totalElapsedTime: timeline.end - timeline.start,
    totalTimerTime: timerTotal,
    ...(distance > 0 ? { totalDistance: distance } : {}),
    firstLapIndex: 0,
    numLaps: lapSpans.length,
    event: "lap",
    eventType: "stop",
    trigger: "activityEnd",
    ...SPORT,
  });
  messages.push({
    mesgNum: Profile.MesgNum.ACTIVITY,
    timestamp: at(timeline.end),
    totalTimerTime: timerTotal,
    numSessions: 1,
    type: "manual",
    event: "activity",
    eventType: "stop",
  });
  return messages;
}
