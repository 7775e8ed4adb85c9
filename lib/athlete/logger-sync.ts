/**
 * The logger's side of a save: what to send (the pending changes), and what to do with the answer,
 * whether the merged session (the sent changes are acknowledged, the other device's changes appear,
 * conflicts become notices) or a refusal (the refused sets go back to being unlogged rows, with the
 * server's reason beside the field).
 */
import { adoptServer, loggedSetIds, visibleSlots, type LoggerState, type PendingChanges, type SetText } from "./logger-state";
import { textOfValues } from "./logger-actions";
import { SET_FIELDS, type SetField } from "@/lib/training/set";
import type { SaveConflict, SessionSaveInput, SessionSnapshot } from "./session-sync";

export function saveInput(state: LoggerState): SessionSaveInput {
  const p = state.pending;
  return {
    baseRevision: state.server.revision,
    unit: state.unit,
    ...(p.start ? { start: p.start } : {}),
    ...(p.name ? { name: p.name } : {}),
    ...(p.notes ? { notes: p.notes } : {}),
    ...(p.durationMinutes ? { durationMinutes: p.durationMinutes } : {}),
    finish: p.finish,
    exercises: Object.values(p.exercises).map(({ id, exerciseId, position, positionAt, supersetGroup, supersetAt }) => ({
      id,
      exerciseId,
      position,
      positionAt,
      ...(supersetAt !== undefined ? { supersetGroup, supersetAt } : {}),
    })),
    sets: Object.values(p.sets),
    deletedSets: Object.entries(p.deletedSets).map(([id, seenRevision]) => ({ id, seenRevision })),
    deletedExercises: Object.entries(p.deletedExercises).map(([id, seenRevision]) => ({ id, seenRevision })),
  };
}

/** What is still pending once `sent` is acknowledged: entries changed again since sending stay. */
export function pendingAfterAck(current: PendingChanges, sent: PendingChanges): PendingChanges {
  const keep = <T>(now: Record<string, T>, before: Record<string, T>) =>
    Object.fromEntries(Object.entries(now).filter(([id, value]) => before[id] !== value));
  return {
    sets: keep(current.sets, sent.sets),
    exercises: keep(current.exercises, sent.exercises),
    deletedSets: keep(current.deletedSets, sent.deletedSets),
    deletedExercises: keep(current.deletedExercises, sent.deletedExercises),
    name: current.name === sent.name ? undefined : current.name,
    notes: current.notes === sent.notes ? undefined : current.notes,
    durationMinutes: current.durationMinutes === sent.durationMinutes ? undefined : current.durationMinutes,
    finish: current.finish && !sent.finish,
    start: current.start === sent.start ? undefined : current.start,
  };
}

const NOTICES: Record<Exclude<SaveConflict["reason"], "also_logged">, string> = {
  changed_elsewhere: "Changed on another device: its values were kept.",
  deleted_elsewhere: "Removed on another device.",
  kept: "Kept: it was changed on another device after you removed it.",
  started_elsewhere: "Another workout was already in progress from your other device: this one is saved beside it, as finished.",
  merged: "You had started this day on your other device too: the two are now one workout, with every set from both.",
};

/** What the device is told about a change that did not land as sent, in one line. */
export function conflictNotice(conflict: SaveConflict): string {
  if (conflict.reason === "also_logged")
    return `Set ${(conflict.position ?? 0) + 1} was also logged on your other device: both kept.`;
  return NOTICES[conflict.reason];
}

export function acknowledge(
  state: LoggerState,
  sent: PendingChanges,
  snapshot: SessionSnapshot,
  conflicts: readonly SaveConflict[],
  /** Moves what the device holds into the slots of a workout its own was merged into (./merged-workouts). */
  intoMerged: (state: LoggerState) => LoggerState = (state) => state,
): LoggerState {
  const notices = { ...state.notices };
  const marks = { ...state.marks };
  for (const c of conflicts) {
    notices[c.kind === "session" ? "session" : c.id] = conflictNotice(c);
    if (c.reason !== "kept" && c.reason !== "also_logged") delete marks[c.id];
  }
  const acknowledged = { ...state, pending: pendingAfterAck(state.pending, sent), notices, marks };
  return adoptServer(intoMerged(acknowledged), snapshot, loggedSetIds(state));
}

/**
 * The server refused the save (422): the sets it names go back to typed rows with its reason, the
 * session fields it names keep their text with the reason, and everything else is sent again.
 */
export function refuse(
  state: LoggerState,
  sent: PendingChanges,
  fieldErrors: Record<string, string[]>,
): { state: LoggerState; placed: boolean } {
  const sentSets = Object.values(sent.sets);
  const sentSlots = Object.values(sent.exercises);
  const pending = { ...state.pending, sets: { ...state.pending.sets }, exercises: { ...state.pending.exercises } };
  const rows = { ...state.rows };
  const errors = { ...state.errors };
  const sessionErrors = { ...state.sessionErrors };
  const marks = { ...state.marks };
  let placed = false;
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const set = /^sets\.(\d+)\.(?:values\.)?(\w+)$/.exec(path);
    const slot = /^exercises\.(\d+)\./.exec(path);
    const field = /^(name|notes|durationMinutes)(\.|$)/.exec(path);
    if (set && sentSets[Number(set[1])]) {
      const refused = sentSets[Number(set[1])];
      const name: SetField = (SET_FIELDS as readonly string[]).includes(set[2]) ? (set[2] as SetField) : "weightKg";
      delete pending.sets[refused.id];
      delete marks[refused.id];
      const onServer = state.server.sets.some((s) => s.id === refused.id);
      const measure = visibleSlots(state).find((s) => s.id === refused.slotId)?.measure;
      const text: SetText = { ...textOfValues(refused.values, state.unit, measure), reps: String(refused.values.reps) };
      if (!onServer)
        rows[refused.slotId] = [
          { id: refused.id, slotId: refused.slotId, text },
          ...(rows[refused.slotId] ?? []).filter((r) => r.id !== refused.id),
        ];
      errors[refused.id] = { ...errors[refused.id], [name]: `Not saved: ${messages[0]}` };
      placed = true;
    } else if (slot && sentSlots[Number(slot[1])]) {
      const refused = sentSlots[Number(slot[1])];
      delete pending.exercises[refused.id];
      for (const s of Object.values(pending.sets)) if (s.slotId === refused.id) delete pending.sets[s.id];
      delete rows[refused.id];
      placed = true;
    } else if (field) {
      const name = field[1] as "name" | "notes" | "durationMinutes";
      delete pending[name];
      sessionErrors[name] = messages[0];
      placed = true;
    }
  }
  return { state: { ...state, pending, rows, errors, sessionErrors, marks }, placed };
}
