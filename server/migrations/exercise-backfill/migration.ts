/**
 * `exercise-backfill`: fills difficulty and equipment_required on exercises imported from the old
 * system. Registered to prove the engine is not tied to the equipment migration.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { parseJsonColumn } from "@/lib/migrations/json";
import { countScanned, rowLockClause } from "@/server/migrations/keyset";
import type { DataMigration, RecordedItem, RowOutcome, SourceRow } from "@/server/migrations/types";
import { countCheck, itemsRecordedCheck, verificationOf } from "@/server/migrations/verification";
import { classifyExerciseBackfill } from "@/lib/migrations/exercise-backfill/rules";
import { jsonParam } from "@/server/migrations/json-param";

export interface ExerciseRow extends SourceRow {
  name: string;
  type: string;
  difficulty: number | null;
  equipmentRequired: unknown;
}

interface ExerciseRowText extends Record<string, unknown> {
  id: number;
  userId: number | null;
  name: string;
  type: string;
  difficulty: number | null;
  equipmentRequired: string | null;
}

export function exerciseOutcome(row: ExerciseRow): RowOutcome {
  const outcome = classifyExerciseBackfill(row);
  const before: Record<string, unknown> = { name: row.name, type: row.type, difficulty: row.difficulty };
  if (row.equipmentRequired !== undefined) before.equipment_required = row.equipmentRequired;
  switch (outcome.status) {
    case "skipped":
      return { status: "skipped" };
    case "error":
      return { status: "error", before, reason: outcome.error };
    case "migrated":
      return {
        status: "migrated",
        before,
        after: {
          ...(outcome.newDifficulty !== undefined ? { difficulty: outcome.newDifficulty } : {}),
          ...(outcome.newEquipmentRequired !== undefined ? { equipment_required: outcome.newEquipmentRequired } : {}),
        },
      };
  }
}

// The SQL twin of "classifyExerciseBackfill would not skip this row" (type and difficulty are
// constrained by the schema, so only the equipment list can be malformed).
const NEEDS_BACKFILL = sql.raw(
  `(e.difficulty IS NULL OR e.equipment_required = '[]'::jsonb OR jsonb_typeof(e.equipment_required) <> 'array')`,
);

export const exerciseBackfill: DataMigration<ExerciseRow> = {
  id: "exercise-backfill",
  title: "Exercises: backfill difficulty and equipment",
  description:
    "Sets the difficulty of exercises imported before it existed from their type, and fills an " +
    "empty equipment list with the type, as the old system's guide describes.",
  rules: [
    "difficulty, where it was never set (NULL): barbell 3, dumbbell 2, bodyweight 1.",
    "equipment_required, where it is an empty list: [type], e.g. [\"barbell\"].",
    "An exercise with both already set is skipped; every other column is never touched.",
    "Errors, left untouched: equipment_required that is not a list (null, text, a number or an object).",
  ],
  wording: { name: "exercise backfill", rowsNoun: "exercises" },

  async readBatch(tx, range) {
    const { afterId, upToId, limit } = range;
    const rows = await queryRows<ExerciseRowText>(
      tx,
      sql`SELECT e.id, e.created_by AS "userId", e.name, e.type::text AS type,
                 e.difficulty, e.equipment_required::text AS "equipmentRequired"
          FROM exercises e
          WHERE e.id > ${afterId} AND e.id <= ${upToId} AND ${NEEDS_BACKFILL}
          ORDER BY e.id
          LIMIT ${limit}
          ${rowLockClause(range)}`,
    );
    return countScanned(tx, "exercises", range, rows.map((r) => ({ ...r, equipmentRequired: parseJsonColumn(r.equipmentRequired) })));
  },

  classify: exerciseOutcome,

  async writeBatch(tx, changes) {
    const payload = changes.map(({ row, outcome }) => ({
      id: row.id,
      difficulty: outcome.after?.difficulty,
      equipment_required: outcome.after?.equipment_required,
    }));
    await tx.execute(sql`
      UPDATE exercises AS e SET
        difficulty = COALESCE(c.difficulty, e.difficulty),
        equipment_required = COALESCE(c.equipment_required, e.equipment_required),
        updated_at = now()
      FROM jsonb_to_recordset(${jsonParam(payload)}) AS c(id int, difficulty smallint, equipment_required jsonb)
      WHERE e.id = c.id`);
  },

  async undoBatch(tx, items) {
    const payload = items.map((item) => ({ row_id: item.rowId, before: item.before ?? {}, after: item.after ?? {} }));
    const restored = await queryRows<{ id: number }>(
      tx,
      sql`
      UPDATE exercises AS e SET
        difficulty = CASE WHEN i.after ? 'difficulty' THEN (i.before ->> 'difficulty')::smallint ELSE e.difficulty END,
        equipment_required = CASE WHEN i.after ? 'equipment_required'
          THEN i.before -> 'equipment_required' ELSE e.equipment_required END,
        updated_at = now()
      FROM jsonb_to_recordset(${jsonParam(payload)}) AS i(row_id int, before jsonb, after jsonb)
      WHERE e.id = i.row_id
        AND (NOT i.after ? 'difficulty' OR e.difficulty IS NOT DISTINCT FROM (i.after ->> 'difficulty')::smallint)
        AND (NOT i.after ? 'equipment_required' OR e.equipment_required = i.after -> 'equipment_required')
      RETURNING e.id`,
    );
    return new Set(restored.map((r) => r.id));
  },

  async pendingCount(db) {
    const [row] = await queryRows<{ pending: number }>(
      db,
      sql`SELECT count(*)::int AS pending FROM exercises e WHERE ${NEEDS_BACKFILL}`,
    );
    return row.pending;
  },

  async fingerprint(db) {
    const [row] = await queryRows<{ rows: number; maxId: number | null; maxUpdatedAt: string | null }>(
      db,
      sql`SELECT count(*)::int AS rows, max(id) AS "maxId", to_json(max(updated_at)) #>> '{}' AS "maxUpdatedAt"
          FROM exercises`,
    );
    return { rows: row.rows, maxId: row.maxId, maxUpdatedAt: row.maxUpdatedAt };
  },

  async verify(tx, { runId, upToId, totalAtStart, counts }) {
    const [row] = await queryRows<{ left: number; rowsNow: number }>(
      tx,
      sql`SELECT
            (SELECT count(*)::int FROM exercises e
              WHERE e.id <= ${upToId} AND ${NEEDS_BACKFILL}
                AND NOT EXISTS (SELECT 1 FROM migration_run_items i
                                WHERE i.run_id = ${runId} AND i.row_id = e.id AND i.status = 'error')) AS "left",
            (SELECT count(*)::int FROM exercises WHERE id <= ${upToId}) AS "rowsNow"`,
    );
    return verificationOf([
      countCheck("nothing_left_to_backfill", "No exercise is left without difficulty or equipment, except errors", 0, row.left),
      countCheck("row_count_unchanged", "The run added or removed no exercises", totalAtStart, row.rowsNow),
      await itemsRecordedCheck(tx, runId, counts),
    ]);
  },

  report: {
    columns: [
      "user_id",
      "user_email",
      "status",
      "exercise_id",
      "exercise_name",
      "type",
      "original_difficulty",
      "new_difficulty",
      "original_equipment_required",
      "new_equipment_required",
      "error",
    ],
    detail(item: RecordedItem) {
      const before = item.before ?? {};
      const after = item.after ?? {};
      const entry: Record<string, unknown> = {
        user_id: item.userId,
        user_email: item.userEmail,
        status: item.status,
        exercise_id: item.rowId,
        exercise_name: before.name ?? null,
        type: before.type ?? null,
        original_difficulty: before.difficulty ?? null,
        original_equipment_required: before.equipment_required ?? null,
      };
      if (item.status === "migrated") {
        entry.new_difficulty = after.difficulty ?? before.difficulty ?? null;
        entry.new_equipment_required = after.equipment_required ?? before.equipment_required ?? null;
      } else if (item.status === "error") {
        entry.error = item.reason;
      }
      return entry;
    },
  },
};
