/**
 * The logger's working copy of a session. It lives in the browser (and localStorage) so nothing is
 * lost on reload or when the connection drops; each change bumps `revision`, and the logger sends
 * the whole session until the server has acknowledged the latest revision. Plain functions, shared
 * by the client component and its tests; no zod here, to keep the logger's JavaScript small (the
 * server validates again with lib/athlete/session-input).
 */
import { detectPersonalRecords, type PersonalRecord, type RecordKind } from "@/lib/training/records";
import { fromStoredKg, toStoredKg, type WeightUnit } from "@/lib/training/units";
import type { LoggedSet } from "@/lib/training/types";
import type { SessionSaveInput } from "./session-input";

/** A logged set as sent to the browser (plain JSON). */
export type PlainSet = { weightKg: number; reps: number; rpe: number | null };

/** What the logger knows about an exercise from before this session: last time's sets, and the records to beat. */
export type ExerciseContext = {
  previous: { startedAt: string; sets: PlainSet[] } | null;
  recordSets: PlainSet[];
};

export type DraftSet = {
  key: string;
  weight: string;
  reps: string;
  rpe: string;
  done: boolean;
  /** Records this set set when ticked; `first` marks a baseline (nothing earlier to beat). */
  records?: { kind: RecordKind; first: boolean }[];
};

export type DraftTarget = { sets: number; repsMin: number; repsMax: number; note: string | null };

export type DraftExercise = {
  key: string;
  exerciseId: number;
  name: string;
  bodyweight: boolean;
  target: DraftTarget | null;
  sets: DraftSet[];
};

export type SessionDraft = {
  version: 1;
  sessionId: number;
  name: string;
  unit: WeightUnit;
  notes: string;
  durationMinutes: string;
  exercises: DraftExercise[];
  /** Bumped on every change that the server should hear about. */
  revision: number;
  /** The revision the server last acknowledged. */
  syncedRevision: number;
  /** The server's updated_at for the session when this draft last matched it. */
  serverUpdatedAt: string;
  /** Set when the athlete pressed Finish; sent with the next save. */
  finishRequested: boolean;
};

let keyCounter = 0;
export function newKey(prefix: string): string {
  keyCounter += 1;
  return `${prefix}${Date.now().toString(36)}${keyCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function emptySet(): DraftSet {
  return { key: newKey("s"), weight: "", reps: "", rpe: "", done: false };
}

/** A number typed in a field: commas accepted as decimal points ("62,5"), blanks and junk are null. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "" || !/^\d*\.?\d*$/.test(trimmed) || trimmed === ".") return null;
  return Number(trimmed);
}

export type SetProblem = { field: "weight" | "reps" | "rpe"; message: string };

/** What stops a set from being ticked. Bodyweight exercises may leave the weight blank (0). */
export function setProblems(set: Pick<DraftSet, "weight" | "reps" | "rpe">, bodyweight: boolean): SetProblem[] {
  const problems: SetProblem[] = [];
  const weight = parseDecimal(set.weight);
  if (set.weight.trim() === "" && !bodyweight) problems.push({ field: "weight", message: "Enter the weight." });
  else if (set.weight.trim() !== "" && weight === null) problems.push({ field: "weight", message: "Enter a number." });
  const reps = parseDecimal(set.reps);
  if (reps === null || !Number.isInteger(reps)) problems.push({ field: "reps", message: "Enter whole reps." });
  else if (reps > 1000) problems.push({ field: "reps", message: "At most 1000." });
  if (set.rpe.trim() !== "") {
    const rpe = parseDecimal(set.rpe);
    if (rpe === null || rpe < 1 || rpe > 10 || Math.round(rpe * 2) !== rpe * 2) problems.push({ field: "rpe", message: "RPE 1–10, in halves." });
  }
  return problems;
}

export function loggedSetOf(set: Pick<DraftSet, "weight" | "reps" | "rpe">, unit: WeightUnit): LoggedSet {
  const rpe = parseDecimal(set.rpe);
  return { weightKg: toStoredKg(parseDecimal(set.weight) ?? 0, unit), reps: parseDecimal(set.reps) ?? 0, rpe: rpe ?? null };
}

/**
 * The records a set sets when ticked: against the athlete's record-holding sets from before this
 * session, plus the sets of the same exercise already ticked earlier in this session.
 */
export function recordsForSet(draft: SessionDraft, exerciseKey: string, setKey: string, recordSets: ReadonlyMap<number, readonly LoggedSet[]>): PersonalRecord[] {
  const exercise = draft.exercises.find((e) => e.key === exerciseKey);
  if (!exercise) return [];
  const earlier: LoggedSet[] = [...(recordSets.get(exercise.exerciseId) ?? [])];
  for (const e of draft.exercises) {
    for (const s of e.sets) {
      if (e.key === exerciseKey && s.key === setKey) {
        return detectPersonalRecords(earlier, loggedSetOf(s, draft.unit));
      }
      if (e.exerciseId === exercise.exerciseId && s.done) earlier.push(loggedSetOf(s, draft.unit));
    }
  }
  return [];
}

/** The save request for this draft: ticked sets only, in the order they appear. */
export function draftToSaveInput(draft: SessionDraft): SessionSaveInput {
  const duration = parseDecimal(draft.durationMinutes);
  return {
    name: draft.name.trim() || "Workout",
    unit: draft.unit,
    notes: draft.notes.trim() || null,
    durationMinutes: duration === null ? null : Math.round(duration),
    finished: draft.finishRequested,
    sets: draft.exercises.flatMap((e) =>
      e.sets
        .filter((s) => s.done)
        .map((s) => {
          const rpe = parseDecimal(s.rpe);
          return { exerciseId: e.exerciseId, weight: parseDecimal(s.weight) ?? 0, reps: parseDecimal(s.reps) ?? 0, rpe: rpe ?? null };
        }),
    ),
  };
}

/** Where each ticked set lands in the save request, to put the server's "sets.3.reps" errors back on rows. */
export function savedSetKeys(draft: SessionDraft): string[] {
  return draft.exercises.flatMap((e) => e.sets.filter((s) => s.done).map((s) => s.key));
}

export type ServerSession = {
  id: number;
  name: string;
  notes: string | null;
  durationSeconds: number | null;
  updatedAt: string;
  sets: { exerciseId: number; exerciseName: string; bodyweight: boolean; weightKg: number; reps: number; rpe: number | null }[];
};

export type PlannedExercise = { exerciseId: number; name: string; bodyweight: boolean; target: DraftTarget };

function formatNumber(n: number): string {
  return String(Number(n.toFixed(2)));
}

/**
 * A fresh draft from what the server has: logged sets grouped by exercise in order, then the plan's
 * exercises not logged yet, with as many empty rows as the plan's target sets.
 */
export function draftFromServer(session: ServerSession, unit: WeightUnit, planned: readonly PlannedExercise[]): SessionDraft {
  const exercises: DraftExercise[] = [];
  for (const set of session.sets) {
    let exercise = exercises.at(-1);
    if (!exercise || exercise.exerciseId !== set.exerciseId) {
      const plan = planned.find((p) => p.exerciseId === set.exerciseId);
      exercise = { key: newKey("e"), exerciseId: set.exerciseId, name: set.exerciseName, bodyweight: set.bodyweight, target: plan?.target ?? null, sets: [] };
      exercises.push(exercise);
    }
    exercise.sets.push({
      key: newKey("s"),
      weight: set.weightKg === 0 && set.bodyweight ? "" : formatNumber(fromStoredKg(set.weightKg, unit)),
      reps: String(set.reps),
      rpe: set.rpe === null ? "" : String(set.rpe),
      done: true,
    });
  }
  for (const plan of planned) {
    if (exercises.some((e) => e.exerciseId === plan.exerciseId)) continue;
    exercises.push({
      key: newKey("e"),
      exerciseId: plan.exerciseId,
      name: plan.name,
      bodyweight: plan.bodyweight,
      target: plan.target,
      sets: Array.from({ length: plan.target.sets }, emptySet),
    });
  }
  return {
    version: 1,
    sessionId: session.id,
    name: session.name,
    unit,
    notes: session.notes ?? "",
    durationMinutes: session.durationSeconds === null ? "" : String(Math.round(session.durationSeconds / 60)),
    exercises,
    revision: 0,
    syncedRevision: 0,
    serverUpdatedAt: session.updatedAt,
    finishRequested: false,
  };
}

/**
 * Which copy to open with: the browser's draft holds unsaved work (and typed but unticked rows), so
 * it wins, unless the session was changed elsewhere after the draft last matched the server.
 */
export function chooseDraft(local: SessionDraft | null, server: SessionDraft): SessionDraft {
  if (!local || local.version !== 1 || local.sessionId !== server.sessionId) return server;
  if (Date.parse(server.serverUpdatedAt) > Date.parse(local.serverUpdatedAt)) return server;
  return local;
}

export function hasUnsavedChanges(draft: SessionDraft): boolean {
  return draft.revision > draft.syncedRevision;
}
