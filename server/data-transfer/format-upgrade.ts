/**
 * Reading dumps written in an older format: each record is brought to the current one before it is
 * validated and loaded, so an old dump imports into the current schema.
 *
 * Format 1 (before sets merged by identity) had no exercise slots, set identities or missed attempts. Its sets get
 * the slot the session_identity migration would have given them (one per exercise of a session, the
 * same derived id), and a 0-rep set is a missed attempt, as the migration marks it. `uid`,
 * `revision` and `field_times` take their column defaults.
 */
import "server-only";
import { derivedSlotId } from "@/db/slot-ids";
import { isRecord } from "@/lib/is-record";
import { withCurrentSetNames } from "@/lib/training/set";
import type { DumpTableName } from "./tables";

type Row = Record<string, unknown>;

/** The slots a format-1 dump implies but does not hold, to insert before their sets. */
export type ImpliedSlot = { id: string; session_id: number; exercise_id: number };

/**
 * Format 1 allowed several workouts in progress per athlete; the schema now holds one. As the
 * migration does, every one but the latest of each athlete is finished (at its start: the dump has no
 * better time), its sets kept. The validation pass finds them (`noteSession`), the load finishes them.
 */
export class InProgressSessions {
  private latest = new Map<number, { id: number; startedAt: string }>();
  private stale = new Set<number>();

  noteSession(formatVersion: number, row: Row): void {
    if (formatVersion >= 2 || (row.finished_at !== null && row.finished_at !== undefined)) return;
    if (typeof row.user_id !== "number" || typeof row.id !== "number") return;
    const startedAt = typeof row.started_at === "string" ? new Date(row.started_at).toISOString() : "";
    const current = this.latest.get(row.user_id);
    if (!current) {
      this.latest.set(row.user_id, { id: row.id, startedAt });
      return;
    }
    const newer = startedAt > current.startedAt || (startedAt === current.startedAt && row.id > current.id);
    this.stale.add(newer ? current.id : row.id);
    if (newer) this.latest.set(row.user_id, { id: row.id, startedAt });
  }

  toFinish(): ReadonlySet<number> {
    return this.stale;
  }
}

/** Before format 5 a set's field times named its weight and distance `weight` and `distance`. */
function withSetTimeNames(row: Row): Row {
  return isRecord(row.field_times) ? { ...row, field_times: withCurrentSetNames(row.field_times) } : row;
}

export function upgradeRecord(
  formatVersion: number,
  table: DumpTableName,
  row: Row,
  toFinish: ReadonlySet<number> = new Set(),
): { row: Row; impliedSlot?: ImpliedSlot } {
  if (formatVersion < 5 && table === "session_sets") row = withSetTimeNames(row);
  if (formatVersion >= 2) return { row };
  if (table === "workout_sessions" && typeof row.id === "number" && toFinish.has(row.id)) {
    return { row: { ...row, finished_at: row.started_at ?? new Date().toISOString() } };
  }
  if (table !== "session_sets") return { row };
  const sessionId = row.session_id;
  const exerciseId = row.exercise_id;
  if (typeof sessionId !== "number" || typeof exerciseId !== "number" || "exercise_slot_id" in row) return { row };
  const id = derivedSlotId(sessionId, exerciseId);
  return {
    row: { ...row, exercise_slot_id: id, ...(row.reps === 0 && !("missed" in row) ? { missed: true } : {}) },
    impliedSlot: { id, session_id: sessionId, exercise_id: exerciseId },
  };
}
