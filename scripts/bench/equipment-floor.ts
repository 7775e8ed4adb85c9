/**
 * The floor for bench:migrate: the equipment migration's rules as ONE SQL statement, which is as fast
 * as this database can apply them while recording a before/after item for every row it changes or
 * refuses (the engine's report items). Apply is an `UPDATE ... RETURNING` feeding the items' INSERT;
 * the dry run is the same statement without the UPDATE. It has none of the engine's safety: no
 * batches, no progress, no lock, no verification, no per-row error text (an error item's reason is
 * a fixed phrase), and it needs the rules written twice. bench-migrate.ts checks that it leaves the
 * data exactly as the engine does.
 */
import { type SQL, sql } from "drizzle-orm";
import { EQUIPMENT_CHOICES } from "@/lib/equipment";
import { BASIC_WITHOUT_ITEMS_REASON } from "@/lib/migrations/equipment-single-choice/rules";
import { MAY_NEED_CHANGE } from "@/server/migrations/equipment-single-choice";

const CHOICES_JSONB = sql.raw(EQUIPMENT_CHOICES.map((c) => `'"${c}"'::jsonb`).join(", "));

/** Every row the engine reads (its own SQL pre-filter), classified by the rules in SQL. */
function classified(runId: number): SQL {
  return sql`
  src AS (
    SELECT assessments.id, assessments.user_id, assessments.equipment AS e, assessments.equipment_items AS it, assessments.needs_reassessment AS nr,
           assessments.reassessment_reason AS rr, to_json(assessments.flagged_at) AS fa, assessments.flagged_by_run_id AS fb,
           jsonb_typeof(assessments.equipment) AS et, jsonb_typeof(assessments.equipment_items) AS itt,
           (assessments.equipment_items IS NULL OR assessments.equipment_items = 'null'::jsonb OR assessments.equipment_items = '[]'::jsonb) AS no_items
    -- Unaliased: the engine's filter names the table's columns in full.
    FROM assessments
    WHERE ${MAY_NEED_CHANGE}
  ),
  checked AS (
    SELECT s.*,
      CASE
        WHEN s.et = 'string' THEN s.e NOT IN (${CHOICES_JSONB})
        WHEN s.et = 'array' THEN jsonb_array_length(s.e) = 0
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(s.e) x WHERE x NOT IN (${CHOICES_JSONB}))
        ELSE true
      END
      OR (s.itt IS NOT NULL AND s.itt NOT IN ('null', 'array'))
      OR (s.itt = 'array' AND jsonb_path_exists(s.it, 'strict $[*] ? (@.type() != "string")')) AS bad,
      CASE WHEN s.et = 'array' THEN
        CASE WHEN s.e @> '["full_gym"]' THEN 'full_gym' WHEN s.e @> '["basic_equipment"]' THEN 'basic_equipment' ELSE 'no_equipment' END
      END AS new_eq,
      CASE WHEN s.e IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('equipment', s.e) END
        || CASE WHEN s.it IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('equipment_items', s.it) END AS original
    FROM src s
  ),
  c AS (
    SELECT k.id, k.user_id, k.new_eq,
      CASE
        WHEN k.bad THEN 'error'
        WHEN k.et = 'string' THEN CASE WHEN k.e = '"basic_equipment"' AND k.no_items AND NOT k.nr THEN 'flagged' ELSE 'skipped' END
        WHEN k.new_eq = 'basic_equipment' AND k.no_items THEN 'flagged'
        ELSE 'migrated'
      END AS status,
      k.original, k.nr, k.rr, k.fa, k.fb
    FROM checked k
  ),
  items AS (
    SELECT c.id, c.user_id, c.status, c.new_eq,
      c.status = 'migrated' AND c.new_eq <> 'basic_equipment' AS clear_items,
      CASE WHEN c.status = 'flagged'
        THEN c.original || jsonb_build_object('needs_reassessment', c.nr, 'reassessment_reason', c.rr, 'flagged_at', c.fa, 'flagged_by_run_id', c.fb)
        ELSE c.original END AS before,
      CASE c.status
        WHEN 'migrated' THEN jsonb_build_object('equipment', c.new_eq)
          || CASE WHEN c.new_eq <> 'basic_equipment' THEN '{"equipment_items": []}'::jsonb ELSE '{}'::jsonb END
        WHEN 'flagged' THEN CASE WHEN c.new_eq IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('equipment', c.new_eq) END
          || jsonb_build_object('needs_reassessment', true, 'reassessment_reason', ${BASIC_WITHOUT_ITEMS_REASON}::text)
      END AS after,
      CASE c.status WHEN 'flagged' THEN ${BASIC_WITHOUT_ITEMS_REASON}::text WHEN 'error' THEN 'not a valid equipment answer' END AS reason,
      ${runId}::int AS run_id
    FROM c
    WHERE c.status <> 'skipped'
  )`;
}

const INSERT_ITEMS = sql`INSERT INTO migration_run_items (run_id, row_id, user_id, user_email, status, before, after, reason)`;

/** The dry run's floor: classify every row and record its item; change nothing else. */
export function floorDryRunStatement(runId: number): SQL {
  return sql`WITH ${classified(runId)}
  ${INSERT_ITEMS}
  SELECT i.run_id, i.id, i.user_id, u.email, i.status::migration_item_status, i.before, i.after, i.reason
  FROM items i LEFT JOIN users u ON u.id = i.user_id`;
}

/** The apply floor: the UPDATE of every changed row, RETURNING its item into the INSERT, plus the error items. */
export function floorApplyStatement(runId: number): SQL {
  return sql`WITH ${classified(runId)},
  changed AS (
    UPDATE assessments a SET
      equipment = COALESCE(to_jsonb(i.new_eq), a.equipment),
      equipment_items = CASE WHEN i.clear_items THEN '[]'::jsonb ELSE a.equipment_items END,
      needs_reassessment = a.needs_reassessment OR i.status = 'flagged',
      reassessment_reason = CASE WHEN i.status = 'flagged' THEN i.reason ELSE a.reassessment_reason END,
      flagged_at = CASE WHEN i.status = 'flagged' THEN now() ELSE a.flagged_at END,
      flagged_by_run_id = CASE WHEN i.status = 'flagged' THEN i.run_id ELSE a.flagged_by_run_id END,
      updated_at = now()
    FROM items i
    WHERE a.id = i.id AND i.status IN ('migrated', 'flagged')
    RETURNING i.run_id, a.id, a.user_id, i.status, i.before, i.after, i.reason
  )
  ${INSERT_ITEMS}
  SELECT x.run_id, x.id, x.user_id, u.email, x.status::migration_item_status, x.before, x.after, x.reason
  FROM (SELECT * FROM changed UNION ALL SELECT run_id, id, user_id, status, before, after, reason FROM items WHERE status = 'error') x
  LEFT JOIN users u ON u.id = x.user_id`;
}

/**
 * A fingerprint of what the migration may change in every assessment (not updated_at or the flag
 * time, which each run sets to its own clock), to check the floor and the engine end in the same data.
 */
export const MIGRATED_DATA_CHECKSUM = sql`
  SELECT count(*)::bigint AS rows,
         sum(hashtext(concat_ws('|', id, equipment::text, coalesce(equipment_items::text, 'SQL NULL'), needs_reassessment,
                                coalesce(reassessment_reason, 'SQL NULL'), flagged_at IS NULL)))::text AS hash
  FROM assessments`;

/** Items by status, to check the floor recorded what the engine recorded. */
export const ITEM_COUNTS = (runId: number) => sql`
  SELECT status::text AS status, count(*)::int AS n FROM migration_run_items WHERE run_id = ${runId} GROUP BY 1 ORDER BY 1`;
