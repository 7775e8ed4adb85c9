import "server-only";

/**
 * The athlete's whole history, streamed: sessions are read a batch at a time in start order (keyset
 * paging on started_at, id), so memory stays flat at any history size and a client that stops reading
 * stops the queries.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import type { DbOrTx } from "@/db/client";
import { exercises, SET_COLUMNS, sessionExercises, sessionSets, workoutSessions } from "@/db/schema";
import { EXPORT_CSV_HEADER, type ExportedSession, sessionCsvRows } from "@/lib/history-export/rows";
import type { WeightUnit } from "@/lib/training/units";

const SESSIONS_PER_BATCH = 200;

/** Every session of the athlete with its exercises and sets, oldest first, a batch at a time. */
export async function* exportedSessions(db: DbOrTx, userId: number): AsyncGenerator<ExportedSession[]> {
  let afterId: number | null = null;
  for (;;) {
    const sessions: (typeof workoutSessions.$inferSelect)[] = await db
      .select()
      .from(workoutSessions)
      .where(
        and(
          eq(workoutSessions.userId, userId),
          // The cursor's start time is read in SQL: a JavaScript Date would drop its microseconds.
          afterId === null
            ? undefined
            : sql`(${workoutSessions.startedAt}, ${workoutSessions.id}) > (SELECT c.started_at, c.id FROM workout_sessions c WHERE c.id = ${afterId})`,
        ),
      )
      .orderBy(asc(workoutSessions.startedAt), asc(workoutSessions.id))
      .limit(SESSIONS_PER_BATCH);
    if (sessions.length === 0) return;
    const ids = sessions.map((s) => s.id);
    const [slots, sets] = await Promise.all([
      db
        .select({
          id: sessionExercises.id,
          sessionId: sessionExercises.sessionId,
          note: sessionExercises.note,
          supersetGroup: sessionExercises.supersetGroup,
          name: exercises.name,
        })
        .from(sessionExercises)
        .innerJoin(exercises, eq(exercises.id, sessionExercises.exerciseId))
        .where(inArray(sessionExercises.sessionId, ids))
        .orderBy(asc(sessionExercises.sessionId), asc(sessionExercises.position), asc(sessionExercises.createdAt)),
      db
        .select({
          slotId: sessionSets.exerciseSlotId,
          notes: sessionSets.notes,
          ...SET_COLUMNS,
        })
        .from(sessionSets)
        .where(inArray(sessionSets.sessionId, ids))
        .orderBy(asc(sessionSets.exerciseSlotId), asc(sessionSets.position), asc(sessionSets.id)),
    ]);
    const setsBySlot = new Map<string, ExportedSession["exercises"][number]["sets"]>();
    for (const { slotId, ...set } of sets) setsBySlot.set(slotId, [...(setsBySlot.get(slotId) ?? []), set]);
    const slotsBySession = new Map<number, ExportedSession["exercises"]>();
    for (const slot of slots) {
      slotsBySession.set(slot.sessionId, [
        ...(slotsBySession.get(slot.sessionId) ?? []),
        { name: slot.name, note: slot.note, supersetGroup: slot.supersetGroup, sets: setsBySlot.get(slot.id) ?? [] },
      ]);
    }
    yield sessions.map((s) => ({
      name: s.name,
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
      durationSeconds: s.durationSeconds,
      notes: s.notes,
      exercises: slotsBySession.get(s.id) ?? [],
    }));
    afterId = sessions.at(-1)!.id;
  }
}

/**
 * The history as CSV, in the file's own columns. Written with plain csv-stringify, not the spreadsheet
 * writer (lib/spreadsheet-csv.ts): this file is made to be imported again, here or elsewhere, so every
 * value must come back exactly as it was; the formula guard would prefix an apostrophe to a note that
 * starts with "=" or "-", and the re-import would keep it.
 */
export async function* historyCsv(db: DbOrTx, userId: number, unit: WeightUnit, timeZone: string): AsyncGenerator<string> {
  yield stringify([[...EXPORT_CSV_HEADER]]);
  for await (const batch of exportedSessions(db, userId)) {
    const rows = batch.flatMap((s) => sessionCsvRows(s, unit, timeZone));
    if (rows.length) yield stringify(rows);
  }
}

export async function* historyJson(
  db: DbOrTx,
  userId: number,
  unit: WeightUnit,
  timeZone: string,
  now = new Date(),
): AsyncGenerator<string> {
  yield `{"format":"ironlog-history","version":1,"exportedAt":${JSON.stringify(now.toISOString())},"weightUnit":${JSON.stringify(unit)},"timeZone":${JSON.stringify(timeZone)},"sessions":[`;
  let first = true;
  for await (const batch of exportedSessions(db, userId)) {
    const text = batch.map((s) => JSON.stringify(s)).join(",\n");
    yield `${first ? "\n" : ",\n"}${text}`;
    first = false;
  }
  yield "\n]}\n";
}
