import "server-only";

/**
 * Previews: a parsed upload kept in the database for a day, keyed by a random id, so that any app
 * instance can show it and finish the import. Creating one clears everyone's expired previews.
 */
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryRows } from "@/db/client";
import { historyImportPreviews, historyImportPreviewWorkouts } from "@/db/schema";
import { rereadStart } from "@/lib/history-import/date-question";
import { UserFacingError } from "@/lib/errors";
import { matchExercise } from "@/lib/history-import/exercise-names";
import { exerciseNamesOf, type PreviewSummary, type StoredWorkout } from "@/lib/history-import/stored";
import { listExerciseOptions, type ExerciseOption } from "@/server/queries/exercises";

export const PREVIEW_GONE = "This preview has expired or was already imported. Upload the file again to see it.";

/** Workouts per insert: 2,000 workouts of jsonb go in a handful of statements. */
const WORKOUTS_PER_INSERT = 200;

export async function createPreview(
  db: DbOrTx,
  userId: number,
  fileName: string,
  summary: PreviewSummary,
  workouts: readonly StoredWorkout[],
): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.delete(historyImportPreviews).where(lt(historyImportPreviews.expiresAt, new Date()));
    const [preview] = await tx
      .insert(historyImportPreviews)
      .values({ userId, fileName: fileName.slice(0, 200), summary })
      .returning({ id: historyImportPreviews.id });
    for (let start = 0; start < workouts.length; start += WORKOUTS_PER_INSERT) {
      await tx.insert(historyImportPreviewWorkouts).values(
        workouts.slice(start, start + WORKOUTS_PER_INSERT).map((workout, i) => ({
          previewId: preview.id,
          position: start + i,
          startedAt: new Date(workout.startedAt),
          exerciseNames: exerciseNamesOf(workout),
          workout,
        })),
      );
    }
    return preview.id;
  });
}

/** The athlete's own preview, while it has not expired. */
export function ownUnexpiredPreview(userId: number, previewId: string) {
  return and(
    eq(historyImportPreviews.id, previewId),
    eq(historyImportPreviews.userId, userId),
    gt(historyImportPreviews.expiresAt, new Date()),
  );
}

/** The athlete's own preview, unexpired, or null. */
export async function getPreview(db: DbOrTx, userId: number, previewId: string) {
  const [preview] = await db.select().from(historyImportPreviews).where(ownUnexpiredPreview(userId, previewId));
  return preview ?? null;
}

/** Start time and exercise names of each workout of a preview, in import order. */
export async function previewWorkoutHeads(db: DbOrTx, previewId: string) {
  return db
    .select({
      position: historyImportPreviewWorkouts.position,
      startedAt: historyImportPreviewWorkouts.startedAt,
      exerciseNames: historyImportPreviewWorkouts.exerciseNames,
      name: sql<string>`${historyImportPreviewWorkouts.workout}->>'name'`,
    })
    .from(historyImportPreviewWorkouts)
    .where(eq(historyImportPreviewWorkouts.previewId, previewId))
    .orderBy(asc(historyImportPreviewWorkouts.position));
}

/** The exercise each imported name goes to unless the athlete changes it (null: created as their own). */
export function suggestedExercises(names: readonly string[], options: readonly ExerciseOption[]): (ExerciseOption | null)[] {
  return names.map((name) => {
    const match = matchExercise(name, options);
    return match ? (options.find((o) => o.id === match.id) ?? null) : null;
  });
}

export async function exerciseChoicesFor(db: DbOrTx, userId: number, summary: PreviewSummary) {
  const options = await listExerciseOptions(db, userId);
  return {
    options,
    suggested: suggestedExercises(
      summary.exercises.map((e) => e.name),
      options,
    ),
  };
}

const second = (instant: Date | string) => Math.floor(new Date(instant).getTime() / 1000);
const sameIds = (a: ReadonlySet<number>, b: ReadonlySet<number>) => a.size === b.size && [...a].every((id) => b.has(id));

/**
 * Which workouts (by position) the athlete already has: a session starting in the same second with
 * the same exercises, given where each imported name goes (`exerciseIdOf`; undefined for an exercise
 * still to be created, which no stored session can hold).
 */
export async function duplicatePositions(
  db: DbOrTx,
  userId: number,
  heads: readonly { position: number; startedAt: Date; exerciseNames: string[] }[],
  exerciseIdOf: (name: string) => number | undefined,
): Promise<Set<number>> {
  if (heads.length === 0) return new Set();
  const from = new Date(Math.min(...heads.map((h) => h.startedAt.getTime())) - 1000);
  const to = new Date(Math.max(...heads.map((h) => h.startedAt.getTime())) + 1000);
  const stored = await queryRows<{ second: string | number; ids: number[] | string }>(
    db,
    sql`SELECT floor(extract(epoch FROM s.started_at))::bigint AS second,
               coalesce(array_agg(DISTINCT se.exercise_id) FILTER (WHERE se.exercise_id IS NOT NULL), '{}') AS ids
        FROM workout_sessions s LEFT JOIN session_exercises se ON se.session_id = s.id
        WHERE s.user_id = ${userId} AND s.started_at >= ${from.toISOString()} AND s.started_at <= ${to.toISOString()}
        GROUP BY s.id`,
  );
  const bySecond = new Map<number, Set<number>[]>();
  for (const row of stored) {
    const ids =
      typeof row.ids === "string" ? row.ids.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number) : row.ids.map(Number);
    const key = Number(row.second);
    bySecond.set(key, [...(bySecond.get(key) ?? []), new Set(ids)]);
  }
  const duplicates = new Set<number>();
  for (const head of heads) {
    const candidates = bySecond.get(second(head.startedAt));
    if (!candidates) continue;
    const ids = head.exerciseNames.map(exerciseIdOf);
    if (ids.some((id) => id === undefined)) continue;
    const wanted = new Set(ids as number[]);
    if (candidates.some((c) => sameIds(c, wanted))) duplicates.add(head.position);
  }
  return duplicates;
}

/**
 * Answer the preview's date question: its workouts move to the months `locale` reads the file's
 * month names in (same day and clock time), in one transaction, and the summary says which reading
 * holds now. The import then takes the dates as they are.
 */
export async function readPreviewDatesAs(db: DbOrTx, userId: number, previewId: string, locale: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [preview] = await tx.select().from(historyImportPreviews).where(ownUnexpiredPreview(userId, previewId)).for("update");
    if (!preview) throw new UserFacingError(PREVIEW_GONE, { status: 404, code: "preview_gone" });
    const { summary } = preview;
    const question = summary.dateQuestion;
    if (!question || !question.options.some((o) => o.locale === locale))
      throw new UserFacingError("Choose one of the languages listed.", { field: "locale" });
    if (question.chosen === locale) return;
    const rows = await tx
      .select({ position: historyImportPreviewWorkouts.position, workout: historyImportPreviewWorkouts.workout })
      .from(historyImportPreviewWorkouts)
      .where(eq(historyImportPreviewWorkouts.previewId, preview.id));
    const moved = rows.map((row) => {
      const reread = rereadStart(row.workout.startedAt, summary.timeZone, question, locale);
      if (!reread) {
        const language = question.options.find((o) => o.locale === locale)!.language;
        throw new UserFacingError(
          `“${row.workout.name}” on ${row.workout.startedAt.slice(0, 10)} has no such day in ${language}: the dates are not ${language}.`,
          { field: "locale" },
        );
      }
      return { position: row.position, started_at: reread.startedAt };
    });
    await tx.execute(sql`UPDATE history_import_preview_workouts AS w
      SET started_at = x.started_at::timestamptz, workout = jsonb_set(w.workout, '{startedAt}', to_jsonb(x.started_at))
      FROM jsonb_to_recordset(${JSON.stringify(moved)}::jsonb) AS x(position int, started_at text)
      WHERE w.preview_id = ${preview.id} AND w.position = x.position`);
    const starts = moved.map((m) => m.started_at).sort();
    await tx
      .update(historyImportPreviews)
      .set({
        summary: {
          ...summary,
          from: starts[0] ?? null,
          to: starts.at(-1) ?? null,
          dateQuestion: { ...question, chosen: locale },
        },
      })
      .where(eq(historyImportPreviews.id, preview.id));
  });
}
