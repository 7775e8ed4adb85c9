import "server-only";

/**
 * Import a preview: one transaction that creates the athlete's own exercises they asked for, then
 * every workout not already in Ironlog, with its original times, duration, notes and sets, and
 * records the import. Undo removes exactly the sessions an import created, keeping (and naming) any
 * the athlete has edited since, the way a migration undo leaves rows changed after the run, and the
 * own exercises it added that nothing else uses by then.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { type DbOrTx, queryRows, type Tx } from "@/db/client";
import {
  exercises,
  historyImportExercises,
  historyImportPreviews,
  historyImportPreviewWorkouts,
  historyImports,
  SET_COLUMNS,
  sessionExercises,
  sessionSets,
  splitDayExercises,
  workoutSessions,
} from "@/db/schema";
import { UserFacingError, NotFoundError } from "@/lib/errors";
import type { ImportFormInput } from "@/lib/history-import/import-form";
import { exerciseTypeFromName, storedSetValues, supersetGroups } from "@/lib/history-import/set-mapping";
import { storedDuration } from "@/lib/history-import/worth-a-look";
import { SET_FIELDS, setValuesOf } from "@/lib/training/set";
import type { PreviewSummary, StoredWorkout } from "@/lib/history-import/stored";
import { visibleTo } from "@/server/queries/exercises";
import { duplicatePositions, exerciseChoicesFor, ownUnexpiredPreview, PREVIEW_GONE, previewWorkoutHeads } from "./previews";

/** Workouts read and written per round: memory stays flat whatever the file's size. */
const WORKOUTS_PER_ROUND = 250;
/** Sets per insert statement (one jsonb parameter of about 1 MB). */
const SETS_PER_INSERT = 10_000;

/** A set's values in a row of jsonb_to_recordset, keyed by their own names, into their columns. */
const setValues = {
  columns: sql.join(
    SET_FIELDS.map((field) => sql.identifier(SET_COLUMNS[field].name)),
    sql`, `,
  ),
  select: sql.join(
    SET_FIELDS.map((field) => sql`x.${sql.identifier(field)}`),
    sql`, `,
  ),
  record: sql.join(
    SET_FIELDS.map((field) => sql`${sql.identifier(field)} ${sql.raw(SET_COLUMNS[field].getSQLType())}`),
    sql`, `,
  ),
};

export interface ImportOutcome {
  importId: number;
  workouts: number;
  sets: number;
  duplicatesSkipped: number;
}

/**
 * Where each of the preview's exercise names goes: an exercise id, creating the athlete's own where
 * asked (linked to the import, for its undo).
 */
async function resolveExercises(
  tx: Tx,
  userId: number,
  importId: number,
  summary: PreviewSummary,
  input: ImportFormInput,
): Promise<Map<string, number>> {
  const { options, suggested } = await exerciseChoicesFor(tx, userId, summary);
  const byName = new Map(options.map((o) => [o.name.toLowerCase(), o]));
  const chosen = new Map(input.choices.map((c) => [c.index, c]));
  const ids = new Map<string, number>();
  for (const [index, { name, measure = "reps_load" }] of summary.exercises.entries()) {
    const choice =
      chosen.get(index) ??
      (suggested[index] ? { index, kind: "library" as const, name: suggested[index]!.name } : { index, kind: "own" as const });
    if (choice.kind === "library") {
      const option = byName.get(choice.name.toLowerCase());
      if (!option)
        throw new UserFacingError(
          `“${choice.name}” is not in your library. Choose an exercise from the list, or create it as your own.`,
          { field: `exercise.${index}` },
        );
      ids.set(name, option.id);
      continue;
    }
    // "Create as my own": the athlete's exercise of that name if they have one (a re-import), else a new one.
    const existing = byName.get(name.toLowerCase());
    if (existing?.custom) {
      ids.set(name, existing.id);
      continue;
    }
    const ownName = existing ? `${name} (imported)`.slice(0, 200) : name;
    const clash = byName.get(ownName.toLowerCase());
    if (clash) {
      ids.set(name, clash.id);
      continue;
    }
    const [created] = await tx
      .insert(exercises)
      .values({
        name: ownName,
        type: exerciseTypeFromName(name),
        measure,
        difficulty: 2,
        notes: "Added by a history import.",
        createdBy: userId,
      })
      .onConflictDoNothing()
      .returning({ id: exercises.id });
    const id =
      created?.id ??
      (
        await tx
          .select({ id: exercises.id })
          .from(exercises)
          .where(and(sql`lower(${exercises.name}) = lower(${ownName})`, visibleTo(userId)))
          .limit(1)
      )[0]?.id;
    if (id === undefined)
      throw new UserFacingError(`“${name}” could not be added to your exercises. Try again.`, { field: `exercise.${index}` });
    if (created) await tx.insert(historyImportExercises).values({ importId, exerciseId: id });
    byName.set(ownName.toLowerCase(), { id, name: ownName, type: exerciseTypeFromName(name), measure, custom: true });
    ids.set(name, id);
  }
  return ids;
}

/**
 * Sessions, slots and sets of a round of workouts, in three statements: each takes its rows as one
 * jsonb parameter (jsonb_to_recordset), which both drivers bind far faster than thousands of
 * parameters. Session ids are taken from the table's own sequence first, so slots can name them.
 */
async function writeWorkouts(
  tx: Tx,
  userId: number,
  importId: number,
  workouts: readonly StoredWorkout[],
  exerciseIds: Map<string, number>,
  input: ImportFormInput,
): Promise<number> {
  if (workouts.length === 0) return 0;
  const ids = await queryRows<{ id: number }>(
    tx,
    sql`SELECT nextval(pg_get_serial_sequence('workout_sessions', 'id'))::int AS id FROM generate_series(1, ${workouts.length})`,
  );
  const sessions = workouts.map((w, i) => {
    const startedAt = new Date(w.startedAt);
    return {
      id: ids[i].id,
      name: w.name,
      started_at: startedAt.toISOString(),
      finished_at: new Date(startedAt.getTime() + (storedDuration(w.durationSeconds) ?? 0) * 1000).toISOString(),
      duration_seconds: storedDuration(w.durationSeconds),
      notes: w.notes,
    };
  });
  const slots: {
    id: string;
    session_id: number;
    exercise_id: number;
    position: number;
    note: string | null;
    superset_group: number | null;
  }[] = [];
  const sets: Record<string, unknown>[] = [];
  workouts.forEach((workout, w) => {
    const sessionId = ids[w].id;
    const groups = supersetGroups(workout.exercises.map((e) => e.supersetId));
    workout.exercises.forEach((exercise, position) => {
      const exerciseId = exerciseIds.get(exercise.name)!;
      const slotId = randomUUID();
      slots.push({
        id: slotId,
        session_id: sessionId,
        exercise_id: exerciseId,
        position,
        note: exercise.notes,
        superset_group: groups[position],
      });
      let setPosition = 0;
      for (const set of exercise.sets) {
        // A set whose every value is past what a set may hold is left out, as the preview said.
        const v = storedSetValues(set, input.weightUnit);
        if (!v) continue;
        sets.push({
          session_id: sessionId,
          exercise_id: exerciseId,
          exercise_slot_id: slotId,
          position: setPosition++,
          notes: v.notes,
          ...setValuesOf(v),
        });
      }
    });
  });
  await tx.execute(sql`INSERT INTO workout_sessions (id, user_id, name, started_at, finished_at, duration_seconds, notes, import_id)
    SELECT x.id, ${userId}, x.name, x.started_at, x.finished_at, x.duration_seconds, x.notes, ${importId}
    FROM jsonb_to_recordset(${JSON.stringify(sessions)}::jsonb) AS x(id int, name text, started_at timestamptz, finished_at timestamptz, duration_seconds int, notes text)`);
  await tx.execute(sql`INSERT INTO session_exercises (id, session_id, exercise_id, position, note, superset_group)
    SELECT x.id, x.session_id, x.exercise_id, x.position, x.note, x.superset_group
    FROM jsonb_to_recordset(${JSON.stringify(slots)}::jsonb) AS x(id uuid, session_id int, exercise_id int, position int, note text, superset_group smallint)`);
  for (let i = 0; i < sets.length; i += SETS_PER_INSERT) {
    await tx.execute(sql`INSERT INTO session_sets (session_id, exercise_id, exercise_slot_id, position, notes, ${setValues.columns})
      SELECT x.session_id, x.exercise_id, x.exercise_slot_id, x.position, x.notes, ${setValues.select}
      FROM jsonb_to_recordset(${JSON.stringify(sets.slice(i, i + SETS_PER_INSERT))}::jsonb)
        AS x(session_id int, exercise_id int, exercise_slot_id uuid, position int, notes text, ${setValues.record})`);
  }
  return sets.length;
}

/** Import the athlete's preview as they confirmed it. All or nothing; the preview is gone afterwards. */
export async function importPreview(db: DbOrTx, userId: number, input: ImportFormInput): Promise<ImportOutcome> {
  return db.transaction(async (tx) => {
    // Held to the end: a second click (or another instance) waits, then finds the preview gone.
    const [preview] = await tx
      .select()
      .from(historyImportPreviews)
      .where(ownUnexpiredPreview(userId, input.previewId))
      .for("update");
    if (!preview) throw new UserFacingError(PREVIEW_GONE, { status: 404, code: "preview_gone" });
    const [record] = await tx
      .insert(historyImports)
      .values({
        userId,
        fileName: preview.fileName,
        format: preview.summary.format,
        workouts: 0,
        sets: 0,
        rowsSkipped: preview.summary.problemCount,
      })
      .returning({ id: historyImports.id });
    const exerciseIds = await resolveExercises(tx, userId, record.id, preview.summary, input);
    const duplicates = await duplicatePositions(tx, userId, await previewWorkoutHeads(tx, preview.id), (name) =>
      exerciseIds.get(name),
    );
    let workouts = 0;
    let sets = 0;
    for (let from = 0; ; from += WORKOUTS_PER_ROUND) {
      const round = await tx
        .select({ position: historyImportPreviewWorkouts.position, workout: historyImportPreviewWorkouts.workout })
        .from(historyImportPreviewWorkouts)
        .where(
          and(
            eq(historyImportPreviewWorkouts.previewId, preview.id),
            gte(historyImportPreviewWorkouts.position, from),
            lt(historyImportPreviewWorkouts.position, from + WORKOUTS_PER_ROUND),
          ),
        )
        .orderBy(asc(historyImportPreviewWorkouts.position));
      if (round.length === 0) break;
      const fresh = round.filter((r) => !duplicates.has(r.position)).map((r) => r.workout);
      sets += await writeWorkouts(tx, userId, record.id, fresh, exerciseIds, input);
      workouts += fresh.length;
    }
    await tx
      .update(historyImports)
      .set({ workouts, sets, duplicatesSkipped: duplicates.size })
      .where(eq(historyImports.id, record.id));
    await tx.delete(historyImportPreviews).where(eq(historyImportPreviews.id, preview.id));
    return { importId: record.id, workouts, sets, duplicatesSkipped: duplicates.size };
  });
}

export interface UndoOutcome {
  removed: number;
  kept: { id: number; name: string; startedAt: Date }[];
  /** The own exercises the import added that went with it. */
  exercisesRemoved: number;
}

/**
 * Remove the sessions an import created that are as it left them (revision 0), naming those edited
 * since, then the own exercises it added that no kept session, later session or split uses.
 */
export async function undoImport(db: DbOrTx, userId: number, importId: number): Promise<UndoOutcome> {
  return db.transaction(async (tx) => {
    const [record] = await tx
      .select()
      .from(historyImports)
      .where(and(eq(historyImports.id, importId), eq(historyImports.userId, userId)))
      .for("update");
    if (!record) throw new NotFoundError("That import");
    if (record.undoneAt) throw new UserFacingError("This import was already undone.", { status: 409, code: "already_undone" });
    // The revision is re-checked under each row's lock: a save landing now either wins (and the session is kept) or waits.
    const removed = await tx
      .delete(workoutSessions)
      .where(and(eq(workoutSessions.importId, importId), eq(workoutSessions.userId, userId), eq(workoutSessions.revision, 0)))
      .returning({ id: workoutSessions.id });
    const kept = await tx
      .select({ id: workoutSessions.id, name: workoutSessions.name, startedAt: workoutSessions.startedAt })
      .from(workoutSessions)
      .where(and(eq(workoutSessions.importId, importId), eq(workoutSessions.userId, userId)))
      .orderBy(asc(workoutSessions.startedAt));
    // Deleting an exercise cascades to what uses it: only those nothing uses go, the rest stay the athlete's.
    const added = tx
      .select({ id: historyImportExercises.exerciseId })
      .from(historyImportExercises)
      .where(eq(historyImportExercises.importId, importId));
    const unused = (table: typeof sessionExercises | typeof sessionSets | typeof splitDayExercises) =>
      sql`NOT EXISTS (SELECT 1 FROM ${table} WHERE ${table.exerciseId} = ${exercises.id})`;
    const exercisesRemoved = await tx
      .delete(exercises)
      .where(
        and(
          inArray(exercises.id, added),
          eq(exercises.createdBy, userId),
          unused(sessionExercises),
          unused(sessionSets),
          unused(splitDayExercises),
        ),
      )
      .returning({ id: exercises.id });
    await tx
      .update(historyImports)
      .set({
        undoneAt: new Date(),
        undoRemoved: removed.length,
        undoKept: kept.length,
        undoExercisesRemoved: exercisesRemoved.length,
      })
      .where(eq(historyImports.id, importId));
    return { removed: removed.length, kept, exercisesRemoved: exercisesRemoved.length };
  });
}

/** The athlete's imports, newest first. */
export async function listImports(db: DbOrTx, userId: number, limit = 10) {
  return db
    .select()
    .from(historyImports)
    .where(eq(historyImports.userId, userId))
    .orderBy(desc(historyImports.createdAt), desc(historyImports.id))
    .limit(limit);
}

/** Sessions of an import kept by its undo (edited since), for the history page's report. */
export async function keptSessionsOf(db: DbOrTx, userId: number, importIds: readonly number[]) {
  if (importIds.length === 0) return [];
  return db
    .select({
      id: workoutSessions.id,
      importId: workoutSessions.importId,
      name: workoutSessions.name,
      startedAt: workoutSessions.startedAt,
    })
    .from(workoutSessions)
    .where(
      and(
        eq(workoutSessions.userId, userId),
        isNotNull(workoutSessions.importId),
        inArray(workoutSessions.importId, [...importIds]),
      ),
    )
    .orderBy(asc(workoutSessions.startedAt));
}
