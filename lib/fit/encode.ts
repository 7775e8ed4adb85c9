/** FIT messages to the bytes of a FIT file, written by Garmin's own SDK (never by hand: the SDK owns the format). */
import { Encoder } from "@garmin/fitsdk";
import type { WeightUnit } from "@/lib/training/units";
import { type FitWorkout, fitMessages } from "./messages";

/** The FIT activity file of a finished workout. */
export function encodeWorkoutFit(workout: FitWorkout, weightUnit: WeightUnit): Uint8Array {
  const encoder = new Encoder();
  for (const message of fitMessages(workout, weightUnit)) encoder.writeMesg(message);
  return encoder.close();
}

/** `2026-03-05-push-day.fit`: the workout's UTC day and name, safe in any file system and zip. */
export function workoutFitFileName(workout: Pick<FitWorkout, "id" | "name" | "startedAt">): string {
  const day = workout.startedAt.toISOString().slice(0, 10);
  const slug = workout.name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${day}-${slug || "workout"}-${workout.id}.fit`;
}
