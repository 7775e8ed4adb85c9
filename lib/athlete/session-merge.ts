/**
 * Applying one device's save to a stored session: plain functions, so the rules are tested without a
 * database (session-merge.test.ts) and server/services/sessions.ts only loads, calls and writes.
 *
 * The rules:
 * - Sets and exercise slots merge by identity; a save never replaces the list.
 * - Per field, the edit made later on its device wins. Device times are clamped to the time the
 *   server receives the save, so a clock running ahead cannot win the future. Equal times are
 *   broken by the values themselves, so the outcome does not depend on which save arrives first.
 * - A deletion names the session revision the device had seen: it removes a set only if the stored
 *   version is one that revision held (set.revision <= seenRevision). A set changed since is kept,
 *   and the deleting device is told. Applied deletions leave a tombstone: a change that arrives for
 *   a deleted set or exercise is dropped, so nothing removed comes back.
 * - A new set logged at a place another device's set already holds (both logged "set 1" of the plan)
 *   goes after the slot's last set: both are kept, and the device is told.
 * - A save that changes nothing (a retry) leaves the session, and its revision, as they were.
 */
import { SET_FIELDS, type SetField, type SetValues } from "@/lib/training/set";
import type { FieldTimes, SaveConflict, SessionItemKind, SessionSave, SlotTarget, SnapshotSet } from "./session-sync";

/** A stored set is what the devices see of it: the merge and the snapshot share one shape. */
export type StoredSet = SnapshotSet;

export type StoredSlot = {
  id: string;
  exerciseId: number;
  position: number;
  supersetGroup: number | null;
  target: SlotTarget | null;
  revision: number;
  times: FieldTimes;
};

export type Tombstone = { id: string; kind: SessionItemKind; revision: number };

export type StoredSession = {
  revision: number;
  name: string;
  notes: string;
  durationSeconds: number | null;
  finished: boolean;
  times: FieldTimes;
  slots: StoredSlot[];
  sets: StoredSet[];
  tombstones: Tombstone[];
};

export type MergeOutcome = { session: StoredSession; changed: boolean; conflicts: SaveConflict[] };

type Comparable = string | number | boolean | null;

/** A set's fields that merge one by one: its values and its place in the slot. */
const MERGED_SET_FIELDS: readonly (SetField | "position")[] = [...SET_FIELDS, "position"];

/**
 * Last writer wins on one field. Returns the winning value and time, and whether the incoming edit
 * lost to a different stored value (which its device is told about).
 */
function lww<T extends Comparable>(
  stored: T,
  storedAt: number | undefined,
  incoming: T,
  incomingAt: number,
): { value: T; at: number; lost: boolean } {
  const current = storedAt ?? -1;
  if (incomingAt > current) return { value: incoming, at: incomingAt, lost: false };
  if (incomingAt < current) return { value: stored, at: current, lost: stored !== incoming };
  if (stored === incoming) return { value: stored, at: current, lost: false };
  // A tie between different values: the same winner whichever save came first.
  const incomingWins = String(incoming) > String(stored);
  return incomingWins ? { value: incoming, at: incomingAt, lost: false } : { value: stored, at: current, lost: true };
}

/** Sets in display order: by their slot's order, then their own, then identity (ties are stable). */
export function orderSession(session: StoredSession): StoredSession {
  const slots = [...session.slots].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));
  const sets = [...session.sets].sort(
    (a, b) =>
      (slotIndex.get(a.slotId) ?? 0) - (slotIndex.get(b.slotId) ?? 0) ||
      a.position - b.position ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { ...session, slots, sets };
}

export function mergeSave(stored: StoredSession, save: SessionSave, receivedAt: number): MergeOutcome {
  const next = stored.revision + 1;
  const clamp = (t: number) => Math.min(t, receivedAt);
  const conflicts: SaveConflict[] = [];
  const tombstones = new Map(stored.tombstones.map((t) => [t.id, t]));
  const slots = new Map(stored.slots.map((s) => [s.id, s]));
  const sets = new Map(stored.sets.map((s) => [s.id, s]));
  let changed = false;
  const session = { ...stored, times: { ...stored.times } };

  // The session's own fields.
  const fields: [keyof StoredSession & ("name" | "notes" | "durationSeconds"), Comparable, number][] = [];
  if (save.name) fields.push(["name", save.name.value, save.name.at]);
  if (save.notes) fields.push(["notes", save.notes.value, save.notes.at]);
  if (save.durationMinutes)
    fields.push([
      "durationSeconds",
      save.durationMinutes.value === null ? null : save.durationMinutes.value * 60,
      save.durationMinutes.at,
    ]);
  const lostFields: string[] = [];
  for (const [field, value, at] of fields) {
    const result = lww(session[field] as Comparable, session.times[field], value, clamp(at));
    if (result.lost) lostFields.push(field);
    if (result.value !== session[field] || result.at !== session.times[field]) {
      (session as Record<string, unknown>)[field] = result.value;
      session.times[field] = result.at;
      changed = true;
    }
  }
  if (lostFields.length) conflicts.push({ kind: "session", id: "session", reason: "changed_elsewhere", fields: lostFields });
  if (save.finish && !session.finished) {
    session.finished = true;
    changed = true;
  }

  for (const change of save.exercises) {
    if (tombstones.has(change.id)) {
      conflicts.push({ kind: "exercise", id: change.id, reason: "deleted_elsewhere" });
      continue;
    }
    const existing = slots.get(change.id);
    const grouped = change.supersetAt !== undefined && change.supersetGroup !== undefined;
    if (!existing) {
      slots.set(change.id, {
        id: change.id,
        exerciseId: change.exerciseId,
        position: change.position,
        supersetGroup: grouped ? change.supersetGroup! : null,
        target: null,
        revision: next,
        times: { position: clamp(change.positionAt), ...(grouped ? { supersetGroup: clamp(change.supersetAt!) } : {}) },
      });
      changed = true;
      continue;
    }
    const position = lww(existing.position, existing.times.position, change.position, clamp(change.positionAt));
    const group = grouped
      ? lww(existing.supersetGroup, existing.times.supersetGroup, change.supersetGroup!, clamp(change.supersetAt!))
      : null;
    const groupChanged = group !== null && (group.value !== existing.supersetGroup || group.at !== existing.times.supersetGroup);
    if (position.value !== existing.position || position.at !== existing.times.position || groupChanged) {
      slots.set(change.id, {
        ...existing,
        position: position.value,
        supersetGroup: group ? group.value : existing.supersetGroup,
        revision: next,
        times: { ...existing.times, position: position.at, ...(group ? { supersetGroup: group.at } : {}) },
      });
      changed = true;
    }
  }

  // The places each slot's stored sets hold, but for those this save deletes: two devices that opened
  // the plan alike both log "set 1" at the same place, each with its own identity.
  const deleting = new Set(save.deletedSets.map((d) => d.id));
  const storedPlaces = new Map<string, Set<number>>();
  for (const set of stored.sets) {
    if (deleting.has(set.id)) continue;
    const places = storedPlaces.get(set.slotId) ?? new Set<number>();
    storedPlaces.set(set.slotId, places.add(set.position));
  }
  const takenPlaces = new Map([...storedPlaces].map(([slotId, places]) => [slotId, new Set(places)]));

  for (const change of save.sets) {
    if (tombstones.has(change.id) || tombstones.has(change.slotId) || !slots.has(change.slotId)) {
      conflicts.push({ kind: "set", id: change.id, reason: "deleted_elsewhere" });
      continue;
    }
    const existing = sets.get(change.id);
    if (!existing) {
      // A new set whose place is taken goes after the slot's last set, so both are kept in order.
      const taken = takenPlaces.get(change.slotId) ?? new Set<number>();
      takenPlaces.set(change.slotId, taken);
      const position = taken.has(change.position) ? Math.max(...taken) + 1 : change.position;
      taken.add(position);
      if (storedPlaces.get(change.slotId)?.has(change.position))
        conflicts.push({ kind: "set", id: change.id, reason: "also_logged", position: change.position });
      sets.set(change.id, {
        id: change.id,
        slotId: change.slotId,
        position,
        ...change.values,
        revision: next,
        times: {
          ...Object.fromEntries(Object.entries(change.times).map(([k, t]) => [k, clamp(t!)])),
          // The place given here is later than the one sent, so a retry of this save leaves it.
          ...(position !== change.position ? { position: clamp(change.times.position!) + 1 } : {}),
        },
      });
      changed = true;
      continue;
    }
    const merged: StoredSet = { ...existing };
    const times = { ...existing.times };
    const lost: string[] = [];
    let setChanged = false;
    const incoming: SetValues & { position: number } = { ...change.values, position: change.position };
    // A device from before set types and measures sends no time for them: they are not its edit.
    const sent = MERGED_SET_FIELDS.filter((field) => change.times[field] !== undefined);
    for (const field of sent) {
      const result = lww<Comparable>(existing[field], existing.times[field], incoming[field], clamp(change.times[field]!));
      if (result.lost && field !== "position") lost.push(field);
      if (result.value !== existing[field] || result.at !== existing.times[field]) {
        (merged as unknown as Record<string, Comparable>)[field] = result.value;
        times[field] = result.at;
        setChanged = true;
      }
    }
    if (lost.length) conflicts.push({ kind: "set", id: change.id, reason: "changed_elsewhere", fields: lost });
    if (setChanged) {
      sets.set(change.id, { ...existing, ...merged, revision: next, times });
      changed = true;
    }
  }

  const bury = (id: string, kind: SessionItemKind) => {
    tombstones.set(id, { id, kind, revision: next });
    changed = true;
  };

  for (const deletion of save.deletedSets) {
    if (tombstones.has(deletion.id)) continue;
    const existing = sets.get(deletion.id);
    if (existing && existing.revision > deletion.seenRevision) {
      conflicts.push({ kind: "set", id: deletion.id, reason: "kept" });
      continue;
    }
    sets.delete(deletion.id);
    bury(deletion.id, "set");
  }

  for (const deletion of save.deletedExercises) {
    if (tombstones.has(deletion.id)) continue;
    const inSlot = [...sets.values()].filter((s) => s.slotId === deletion.id);
    const unseen = inSlot.filter((s) => s.revision > deletion.seenRevision);
    const slot = slots.get(deletion.id);
    if (unseen.length || (slot && slot.revision > deletion.seenRevision)) {
      // Keep the slot with what the deleting device had not seen; remove only what it had.
      for (const set of inSlot) {
        if (set.revision <= deletion.seenRevision) {
          sets.delete(set.id);
          bury(set.id, "set");
        }
      }
      conflicts.push({ kind: "exercise", id: deletion.id, reason: "kept" });
      continue;
    }
    for (const set of inSlot) {
      sets.delete(set.id);
      bury(set.id, "set");
    }
    slots.delete(deletion.id);
    bury(deletion.id, "exercise");
  }

  if (!changed) return { session: stored, changed: false, conflicts };
  return {
    session: orderSession({
      ...session,
      revision: next,
      slots: [...slots.values()],
      sets: [...sets.values()],
      tombstones: [...tombstones.values()],
    }),
    changed: true,
    conflicts,
  };
}

/** The rows a merge writes: what is new, what changed, what went. */
export type SessionWrites = {
  insertSlots: StoredSlot[];
  updateSlots: StoredSlot[];
  deleteSlotIds: string[];
  insertSets: StoredSet[];
  updateSets: StoredSet[];
  deleteSetIds: string[];
  tombstones: Tombstone[];
};

export function sessionWrites(before: StoredSession, after: StoredSession): SessionWrites {
  const oldSlots = new Map(before.slots.map((s) => [s.id, s]));
  const oldSets = new Map(before.sets.map((s) => [s.id, s]));
  const newSlotIds = new Set(after.slots.map((s) => s.id));
  const newSetIds = new Set(after.sets.map((s) => s.id));
  const oldTombs = new Set(before.tombstones.map((t) => t.id));
  return {
    insertSlots: after.slots.filter((s) => !oldSlots.has(s.id)),
    updateSlots: after.slots.filter((s) => oldSlots.has(s.id) && oldSlots.get(s.id) !== s),
    deleteSlotIds: before.slots.filter((s) => !newSlotIds.has(s.id)).map((s) => s.id),
    insertSets: after.sets.filter((s) => !oldSets.has(s.id)),
    updateSets: after.sets.filter((s) => oldSets.has(s.id) && oldSets.get(s.id) !== s),
    deleteSetIds: before.sets.filter((s) => !newSetIds.has(s.id)).map((s) => s.id),
    tombstones: after.tombstones.filter((t) => !oldTombs.has(t.id)),
  };
}
