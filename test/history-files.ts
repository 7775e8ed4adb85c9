/**
 * Generated history files in the documented Strong and Hevy layouts, for tests, fixtures and the
 * benchmark: `workouts` workouts every other day or so, each of five exercises of `setsPerExercise`
 * sets, deterministic for a seed. Times are wall-clock (no zone), as both apps write them.
 */
import { stringify } from "csv-stringify/sync";
import { seededRandom } from "@/db/seed-assessments";
import { HEVY_HEADER_KG, STRONG_HEADER } from "@/lib/history-import/formats";

export const GENERATED_EXERCISES = [
  "Bench Press (Barbell)",
  "Squat (Barbell)",
  "Deadlift (Barbell)",
  "Overhead Press (Barbell)",
  "Bent Over Row (Barbell)",
  "Pull Up",
  "Lateral Raise (Dumbbell)",
  "Bicep Curl (Dumbbell)",
  "Zercher Squat",
  "Triceps Dip",
] as const;

const WORKOUT_NAMES = ["Push Day", "Pull Day", "Leg Day", "Upper", "Lower"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface GeneratedWorkout {
  name: string;
  /** Wall clock, as UTC fields. */
  start: Date;
  minutes: number;
  exercises: { name: string; sets: { weight: number; reps: number; rpe: number | null; note: string | null }[] }[];
  note: string | null;
}

export function generateWorkouts({
  workouts,
  setsPerExercise = 6,
  seed = 1,
  from = "2015-01-05",
}: {
  workouts: number;
  setsPerExercise?: number;
  seed?: number;
  from?: string;
}): GeneratedWorkout[] {
  const random = seededRandom(seed);
  const out: GeneratedWorkout[] = [];
  let day = Date.parse(`${from}T00:00:00Z`);
  for (let w = 0; w < workouts; w++) {
    day += (1 + Math.floor(random() * 2.6)) * 86_400_000;
    const start = new Date(day + (17 * 60 + Math.floor(random() * 180)) * 60_000 + Math.floor(random() * 60) * 1000);
    const first = Math.floor(random() * GENERATED_EXERCISES.length);
    const exercises = Array.from({ length: 5 }, (_, i) => {
      const name = GENERATED_EXERCISES[(first + i * 3) % GENERATED_EXERCISES.length];
      return {
        name,
        sets: Array.from({ length: setsPerExercise }, (_, s) => ({
          weight: Math.round((40 + random() * 100) * 2) / 2,
          reps: 3 + Math.floor(random() * 10),
          rpe: random() < 0.3 ? 6 + Math.floor(random() * 8) / 2 : null,
          note: s === 0 && random() < 0.05 ? `felt "heavy", then\nbetter` : null,
        })),
      };
    });
    out.push({
      name: WORKOUT_NAMES[w % WORKOUT_NAMES.length],
      start,
      minutes: 40 + Math.floor(random() * 50),
      exercises,
      note: random() < 0.1 ? "Good session, gym busy" : null,
    });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoWallClock = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const hevyWallClock = (d: Date) =>
  `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const duration = (minutes: number) => (minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`);

export function strongCsv(workouts: readonly GeneratedWorkout[]): string {
  const rows: (string | number)[][] = [];
  for (const w of workouts) {
    for (const e of w.exercises) {
      e.sets.forEach((s, i) =>
        rows.push([
          isoWallClock(w.start),
          w.name,
          duration(w.minutes),
          e.name,
          i + 1,
          s.weight,
          s.reps,
          "",
          "",
          s.note ?? "",
          w.note ?? "",
          s.rpe ?? "",
        ]),
      );
    }
  }
  return stringify([[...STRONG_HEADER], ...rows]);
}

export function hevyCsv(workouts: readonly GeneratedWorkout[]): string {
  const rows: (string | number)[][] = [];
  for (const w of workouts) {
    // Hevy has minutes only: the generated seconds are dropped.
    const start = new Date(Math.floor(w.start.getTime() / 60_000) * 60_000);
    const end = new Date(start.getTime() + w.minutes * 60_000);
    for (const e of w.exercises) {
      e.sets.forEach((s, i) =>
        rows.push([
          w.name,
          hevyWallClock(start),
          hevyWallClock(end),
          w.note ?? "",
          e.name,
          "",
          "",
          i,
          i === 0 ? "warmup" : "normal",
          s.weight,
          s.reps,
          "",
          "",
          s.rpe ?? "",
        ]),
      );
    }
  }
  return stringify([[...HEVY_HEADER_KG], ...rows]);
}

/** The text as a stream of chunks of `size` bytes, the way a request body arrives. */
export async function* chunksOf(text: string | Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}
