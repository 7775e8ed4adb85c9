/**
 * Two devices that each started the same plan day with no signal: the workout that reaches the server
 * second is merged into the first (still in progress) rather than kept beside it. Each of its
 * exercises joins the first workout's slot for the same exercise (in plan order, one to one), or is
 * added as a slot of its own; the server keeps the ids that device used (merged_uids, merged_ids), so
 * every save it sends later lands in the merged workout, and nothing either device logged is lost.
 */
import type { SessionSave, SessionStart } from "./session-sync";
import type { LoggerState } from "./logger-state";

type Slot = { id: string; exerciseId: number };

/**
 * Which of the started workout's slots join which of the existing workout's (`joins`: started id →
 * existing id) and which are added as they are (`added`).
 */
export function matchStartedSlots(existing: readonly Slot[], started: SessionStart["slots"]) {
  const taken = new Set<string>();
  const joins = new Map<string, string>();
  const added: SessionStart["slots"] = [];
  for (const slot of started) {
    const match = existing.find((e) => e.exerciseId === slot.exerciseId && !taken.has(e.id));
    if (match) {
      taken.add(match.id);
      joins.set(slot.id, match.id);
    } else added.push(slot);
  }
  return { joins, added };
}

/**
 * A save from the merged device in the merged workout's terms: its sets in the slots they joined, its
 * deletions of a joined exercise aimed at the slot, and no order or superset change for a joined slot
 * (the workout it joined keeps its own layout).
 */
export function saveInMergedSlots(save: SessionSave, merged: ReadonlyMap<string, string>): SessionSave {
  if (merged.size === 0) return save;
  const to = (id: string) => merged.get(id) ?? id;
  return {
    ...save,
    exercises: save.exercises.filter((e) => !merged.has(e.id)),
    sets: save.sets.map((s) => (merged.has(s.slotId) ? { ...s, slotId: to(s.slotId) } : s)),
    deletedExercises: save.deletedExercises.map((d) => ({ ...d, id: to(d.id) })),
  };
}

/**
 * The device's side: what it holds under the ids its exercises had (typed rows, pending sets,
 * notices) moves to the slots they joined, so no typed value disappears with the old slot.
 */
export function intoMergedSlots(state: LoggerState, merged: Readonly<Record<string, string>>): LoggerState {
  const ids = Object.keys(merged).filter((id) => id !== merged[id]);
  const held = (id: string) =>
    id in state.rows ||
    id in state.pending.exercises ||
    id in state.pending.deletedExercises ||
    id in state.notices ||
    Object.values(state.pending.sets).some((s) => s.slotId === id);
  if (!ids.some(held)) return state;
  const to = (id: string) => merged[id] ?? id;
  const rows: LoggerState["rows"] = {};
  for (const [slotId, list] of Object.entries(state.rows)) {
    const target = to(slotId);
    rows[target] = [...(rows[target] ?? []), ...list.map((r) => ({ ...r, slotId: target }))];
  }
  const exercises = { ...state.pending.exercises };
  for (const id of ids) delete exercises[id];
  return {
    ...state,
    rows,
    pending: {
      ...state.pending,
      exercises,
      // A set not in a merged slot stays the same object: pendingAfterAck tells sent from changed by identity.
      sets: Object.fromEntries(
        Object.entries(state.pending.sets).map(([id, s]) => [
          id,
          Object.hasOwn(merged, s.slotId) ? { ...s, slotId: to(s.slotId) } : s,
        ]),
      ),
      deletedExercises: Object.fromEntries(Object.entries(state.pending.deletedExercises).map(([id, r]) => [to(id), r])),
    },
    notices: Object.fromEntries(Object.entries(state.notices).map(([id, n]) => [to(id), n])),
  };
}
