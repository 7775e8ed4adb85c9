/** A logged set as sent to the browser (plain JSON). */
export type PlainSet = { weightKg: number; reps: number; rpe: number | null };

/** What the logger knows about an exercise from before this session: last time's sets, and the records to beat. */
export type ExerciseContext = {
  previous: { startedAt: string; sets: PlainSet[] } | null;
  recordSets: PlainSet[];
};
