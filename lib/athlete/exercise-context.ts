/** A logged set as sent to the browser (plain JSON). */
export type PlainSet = { weightKg: number; reps: number; rpe: number | null };

/** What the logger knows about an exercise from before this session: last time's sets, and the records to beat. */
export type ExerciseContext = {
  /** Last time: its day, written in the athlete's zone ("Sat 9 Nov"), and its sets. */
  previous: { day: string; sets: PlainSet[] } | null;
  recordSets: PlainSet[];
};
