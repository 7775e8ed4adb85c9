/**
 * The logger's state on a device: the merged session it last heard from the server, the changes it
 * has not had acknowledged yet (kept in localStorage: the offline queue), and the rows typed but not
 * logged. Everything the athlete sees is derived from these (./logger-view). Plain functions, shared
 * by the client hook and its tests.
 */
import { displayWeight, toStoredKg, type WeightUnit } from "@/lib/training/units";
import { parseSetTime } from "@/lib/training/set-time";
import { distanceFieldUnit, parseDistance } from "@/lib/training/distance";
import type { RecordKind } from "@/lib/training/record-kinds";
import type { ExerciseMeasure, SetType } from "@/lib/training/types";
import { MEASURE_FIELDS, SET_FIELDS, setValuesOf, type SetField, type SetFieldErrors, type SetValues } from "@/lib/training/set";
import type { SessionSnapshot, SessionStart, SlotTarget } from "./session-sync";

/**
 * A set's fields as typed, by the set's own names: the weight in the athlete's unit (converted to
 * kilograms when the set is logged), the time as people say it ("1:30"), and the distance in metres
 * for a carry, the athlete's km or mi for a run, or with its own unit ("3.1 mi", "400 m":
 * lib/training/distance).
 */
export type SetText = { [F in SetField]: F extends "missed" ? boolean : F extends "setType" ? SetType : string };

/** What an empty row's fields show and a tick logs (today's suggestion, or last time's), as text. */
export type RowFill = Pick<SetText, "weightKg" | "reps"> & Partial<Pick<SetText, "seconds" | "distanceM">>;

/** A row typed on this device and not logged (yet): its id becomes the set's when it is ticked. */
export type LocalRow = { id: string; slotId: string; text: SetText };

/** The set fields a device from before set types and measures sent no time for. */
type LaterField = "setType" | "seconds" | "distanceM";

export type PendingSet = {
  id: string;
  slotId: string;
  position: number;
  values: SetValues;
  times: Record<Exclude<SetField, LaterField> | "position", number> & Partial<Record<LaterField, number>>;
};

export type PendingSlot = {
  id: string;
  exerciseId: number;
  exerciseName: string;
  bodyweight: boolean;
  measure: ExerciseMeasure;
  supersetGroup: number | null;
  /** When the superset grouping was changed here; absent: not changed on this device. */
  supersetAt?: number;
  position: number;
  positionAt: number;
};

export type PendingField<T> = { value: T; at: number };

/** What this device changed and the server has not acknowledged. */
export type PendingChanges = {
  sets: Record<string, PendingSet>;
  exercises: Record<string, PendingSlot>;
  /** Deletions, with the session revision this device had seen when it made them. */
  deletedSets: Record<string, number>;
  deletedExercises: Record<string, number>;
  name?: PendingField<string>;
  notes?: PendingField<string>;
  durationMinutes?: PendingField<number | null>;
  finish: boolean;
  /** How this device started the session, sent until the server has it (its first save creates it). */
  start?: SessionStart;
};

/** The stored state's shape; ./logger-upgrade brings one kept on a device in an older shape up to it. */
export const LOGGER_STATE_VERSION = 4;

export type LoggerState = {
  version: typeof LOGGER_STATE_VERSION;
  /** The server's key when opened (0 for a session started on this device); server.uid names the session. */
  sessionId: number;
  unit: WeightUnit;
  server: SessionSnapshot;
  pending: PendingChanges;
  /** Unlogged rows by slot, in order. */
  rows: Record<string, LocalRow[]>;
  /** Text typed into a logged set's fields that is not valid (yet): shown, not sent. */
  editing: Record<string, SetText>;
  /** Fields typed for the session itself, as typed. */
  nameText: string;
  notesText: string;
  durationText: string;
  /** Field errors per set id (from the shared schema, or the server's refusal). */
  errors: Record<string, SetFieldErrors>;
  sessionErrors: Partial<Record<"name" | "notes" | "durationMinutes", string>>;
  /** "Changed on another device" and the like, per set or slot id. */
  notices: Record<string, string>;
  /** Records a set set when it was ticked on this device; `first` marks a baseline. */
  marks: Record<string, { kind: RecordKind; first: boolean }[]>;
  /**
   * When each running set timer started (device ms), by typed row id (./set-timer). Stored with the
   * rest, so a reload or a locked screen keeps it; absent in a state kept before timers existed.
   */
  timers?: Record<string, number>;
};

export const emptyPending = (): PendingChanges => ({
  sets: {},
  exercises: {},
  deletedSets: {},
  deletedExercises: {},
  finish: false,
});

/** A random UUID, also over plain http on a LAN address, where crypto.randomUUID is missing. */
export function newUuid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const blankText = (): SetText => ({
  weightKg: "",
  reps: "",
  rpe: "",
  missed: false,
  setType: "normal",
  seconds: "",
  distanceM: "",
});

/** A number typed in a field: commas accepted as decimal points ("62,5"); blank is null, junk is NaN. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  if (!/^\d*\.?\d*$/.test(trimmed) || trimmed === ".") return Number.NaN;
  return Number(trimmed);
}

/** A weight typed in a field, when it is one a bar can be loaded to or a warm-up ramped toward: above 0. */
export function positiveWeight(text: string): number | null {
  const weight = parseNumber(text);
  return weight !== null && Number.isFinite(weight) && weight > 0 ? weight : null;
}

/** A stored weight as the athlete types it: in their unit, no trailing zeros ("82.5", "225"; lib/training/units). */
export function weightText(kg: number, unit: WeightUnit): string {
  return String(displayWeight(kg, unit));
}

/** A row's values while typed: a blank number is null and an unreadable one NaN, for the check to name. */
export type TypedValues = { [F in SetField]: SetValues[F] extends number | null ? number | null : SetValues[F] };

/**
 * The values to check for a row, its weight in kilograms: blank weight is bodyweight (0) for
 * bodyweight exercises and for measures that take no load; blank reps are 0 for measures not logged
 * by reps (a plank, a carry); the fields a measure does not show are null.
 */
export function valuesOfText(text: SetText, bodyweight: boolean, measure: ExerciseMeasure, unit: WeightUnit): TypedValues {
  const fields = MEASURE_FIELDS[measure];
  const weight = parseNumber(text.weightKg ?? "");
  const reps = parseNumber(text.reps ?? "");
  return {
    weightKg:
      weight === null ? (bodyweight || !fields.weightKg ? 0 : null) : Number.isFinite(weight) ? toStoredKg(weight, unit) : weight,
    reps: reps === null && !fields.reps ? 0 : reps,
    rpe: parseNumber(text.rpe ?? ""),
    missed: text.missed,
    setType: text.setType ?? "normal",
    seconds: fields.seconds ? parseSetTime(text.seconds ?? "") : null,
    distanceM: fields.distanceM ? parseDistance(text.distanceM ?? "", distanceFieldUnit(measure, unit)) : null,
  };
}

export function slotIsDeleted(state: LoggerState, slotId: string): boolean {
  return slotId in state.pending.deletedExercises;
}

/** The slots this device shows, in order: the server's, then those added here, minus those removed here. */
export function visibleSlots(state: LoggerState): (PendingSlot & { target: SlotTarget | null })[] {
  const fromServer = state.server.exercises.map((e) => {
    const moved = state.pending.exercises[e.id];
    return {
      id: e.id,
      exerciseId: e.exerciseId,
      exerciseName: e.exerciseName,
      bodyweight: e.bodyweight,
      measure: e.measure ?? "reps_load",
      supersetGroup: moved?.supersetAt !== undefined ? moved.supersetGroup : (e.supersetGroup ?? null),
      ...(moved?.supersetAt !== undefined ? { supersetAt: moved.supersetAt } : {}),
      position: moved?.position ?? e.position,
      positionAt: moved?.positionAt ?? 0,
      target: e.target,
    };
  });
  const known = new Set(fromServer.map((e) => e.id));
  const added = Object.values(state.pending.exercises)
    .filter((e) => !known.has(e.id))
    .map((e) => ({ ...e, measure: e.measure ?? "reps_load", supersetGroup: e.supersetGroup ?? null, target: null }));
  return [...fromServer, ...added]
    .filter((e) => !slotIsDeleted(state, e.id))
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

/** A logged set as this device sees it: the server's version with this device's pending edit on top. */
export type LoggedRow = {
  id: string;
  slotId: string;
  position: number;
  values: SetValues;
  revision: number | null;
  pending: boolean;
};

export function loggedRows(state: LoggerState, slotId: string): LoggedRow[] {
  const rows: LoggedRow[] = [];
  for (const s of state.server.sets) {
    if (s.slotId !== slotId || s.id in state.pending.deletedSets) continue;
    const edit = state.pending.sets[s.id];
    rows.push(
      edit
        ? { id: s.id, slotId, position: edit.position, values: edit.values, revision: s.revision, pending: true }
        : { id: s.id, slotId, position: s.position, values: setValuesOf(s), revision: s.revision, pending: false },
    );
  }
  const onServer = new Set(state.server.sets.map((s) => s.id));
  for (const p of Object.values(state.pending.sets)) {
    if (p.slotId === slotId && !onServer.has(p.id))
      rows.push({ id: p.id, slotId, position: p.position, values: p.values, revision: null, pending: true });
  }
  return rows.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

/**
 * Planned rows come from the plan on every device: each slot shows at least its target's number of
 * rows, blank ones added here as needed (with fresh identities, kept while they are typed in).
 */
export function withPlannedRows(state: LoggerState): LoggerState {
  let rows = state.rows;
  for (const slot of visibleSlots(state)) {
    const target =
      slot.target?.sets ?? (slot.id in state.pending.exercises && !state.server.exercises.some((e) => e.id === slot.id) ? 3 : 0);
    const have = loggedRows(state, slot.id).length + (rows[slot.id]?.length ?? 0);
    if (have >= target) continue;
    const extra = Array.from({ length: target - have }, () => ({ id: newUuid(), slotId: slot.id, text: blankText() }));
    rows = { ...rows, [slot.id]: [...(rows[slot.id] ?? []), ...extra] };
  }
  return rows === state.rows ? state : { ...state, rows };
}

/** A fresh state from the server's session. */
export function initialState(server: SessionSnapshot, unit: WeightUnit): LoggerState {
  return withPlannedRows({
    version: LOGGER_STATE_VERSION,
    sessionId: server.id,
    unit,
    server,
    pending: emptyPending(),
    rows: {},
    editing: {},
    nameText: server.name,
    notesText: server.notes,
    durationText: server.durationSeconds === null ? "" : String(Math.round(server.durationSeconds / 60)),
    errors: {},
    sessionErrors: {},
    notices: {},
    marks: {},
  });
}

/**
 * The state to open with: this device's queue and typed rows (a reload, a phone that was offline)
 * on top of the newest session either side has; the plan's rows wherever it is opened.
 */
export function openState(
  local: LoggerState | null,
  server: SessionSnapshot,
  unit: WeightUnit,
  start?: SessionStart,
): LoggerState {
  if (!local || local.version !== LOGGER_STATE_VERSION || !sameSession(local, server)) {
    const fresh = initialState(server, unit);
    // Started on this device and not on the server yet: its first save says how, and creates it.
    return start && server.id === 0 ? { ...fresh, pending: { ...fresh.pending, start } } : fresh;
  }
  // A state kept before sessions had a uid takes it from the server's copy.
  const kept = { ...local, server: { ...local.server, uid: server.uid } };
  const newest = server.revision >= kept.server.revision ? server : kept.server;
  return adoptServer(kept, newest);
}

function sameSession(local: LoggerState, server: SessionSnapshot): boolean {
  if (local.server.uid) return local.server.uid === server.uid;
  return local.sessionId === server.id;
}

/** A row nothing was typed in: a planned row as it was made. */
export function isBlankRow(row: LocalRow): boolean {
  const blank = blankText();
  return SET_FIELDS.every((field) => (row.text[field] ?? blank[field]) === blank[field]);
}

/** Every set a state holds as logged: the server's, and this device's still on their way. */
export function loggedSetIds(state: LoggerState): Set<string> {
  return new Set([...state.server.sets.map((s) => s.id), ...Object.keys(state.pending.sets)]);
}

/**
 * Sets another device logged in a planned slot take the place of this device's blank rows, so the
 * slot still shows its target's number of rows (two devices that both logged "set 1" leave no empty
 * fourth row of three). Only blank rows go, the last first, one per set that arrived; `known` are the
 * sets this device already held, its own among them.
 */
function withoutSurplusRows(known: ReadonlySet<string>, after: LoggerState): LoggerState {
  let rows = after.rows;
  for (const slot of visibleSlots(after)) {
    const target = slot.target?.sets;
    const typed = rows[slot.id] ?? [];
    if (!target || typed.length === 0) continue;
    const logged = loggedRows(after, slot.id);
    let surplus = Math.min(logged.filter((r) => !known.has(r.id)).length, logged.length + typed.length - target);
    const kept = [...typed];
    for (let i = kept.length - 1; i >= 0 && surplus > 0; i--) {
      if (!isBlankRow(kept[i]) || after.errors[kept[i].id]) continue;
      kept.splice(i, 1);
      surplus--;
    }
    if (kept.length !== typed.length) rows = { ...rows, [slot.id]: kept };
  }
  return rows === after.rows ? after : { ...after, rows };
}

/**
 * Take a newer server session: the pending changes stay on top; rows of removed slots go. `known`: the
 * sets this device held before (by default the state's own); an answer to its save passes the state
 * from before the save was acknowledged, so the sets it sent are not taken for another device's.
 */
export function adoptServer(
  state: LoggerState,
  server: SessionSnapshot,
  known: ReadonlySet<string> = loggedSetIds(state),
): LoggerState {
  return withoutSurplusRows(known, adoptedServer(state, server));
}

function adoptedServer(state: LoggerState, server: SessionSnapshot): LoggerState {
  const slotIds = new Set([...server.exercises.map((e) => e.id), ...Object.keys(state.pending.exercises)]);
  const rows = Object.fromEntries(Object.entries(state.rows).filter(([slotId]) => slotIds.has(slotId)));
  const untouched = (field: "name" | "notes" | "durationMinutes") =>
    state.pending[field] === undefined && !state.sessionErrors[field];
  return withPlannedRows({
    ...state,
    server,
    rows,
    nameText: untouched("name") ? server.name : state.nameText,
    notesText: untouched("notes") ? server.notes : state.notesText,
    durationText: untouched("durationMinutes")
      ? server.durationSeconds === null
        ? ""
        : String(Math.round(server.durationSeconds / 60))
      : state.durationText,
  });
}

export function hasPending(p: PendingChanges): boolean {
  return (
    Object.keys(p.sets).length +
      Object.keys(p.exercises).length +
      Object.keys(p.deletedSets).length +
      Object.keys(p.deletedExercises).length >
      0 ||
    p.name !== undefined ||
    p.notes !== undefined ||
    p.durationMinutes !== undefined ||
    p.finish ||
    p.start !== undefined
  );
}
