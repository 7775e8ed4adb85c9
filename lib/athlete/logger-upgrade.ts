/**
 * The logger's state as a device kept it (localStorage), brought up to the current shape, so a queue
 * written before a deploy still syncs after it: nothing typed offline is lost to a new release.
 *
 * Version 2 named a set's weight `weight` (in the athlete's unit, in a queued change and a typed row)
 * and its distance `distance`, and the server's sets `durationSeconds`; version 3 uses the set's own
 * names (lib/training/set: weightKg, seconds, distanceM), the weight of a queued change in kilograms.
 * Rows typed before set types and measures existed lack those fields: they get the defaults.
 *
 * Version 3 typed a distance in metres; version 4 reads a bare number in the athlete's distance unit
 * (km or mi), so a distance typed before is given its unit ("400" becomes "400 m").
 */
import { isRecord } from "@/lib/is-record";
import { withCurrentSetNames } from "@/lib/training/set";
import { toStoredKg, type WeightUnit } from "@/lib/training/units";
import { blankText, LOGGER_STATE_VERSION, type LoggerState, type PendingSet, type SetText } from "./logger-state";
import type { SessionSnapshot } from "./session-sync";

type Loose = Record<string, unknown>;

/** Version 2's names for a set's fields replaced by the current ones (lib/training/set). */
function renamed<T>(record: Loose): T {
  return withCurrentSetNames(record) as T;
}

function mapValues<T>(record: unknown, map: (value: Loose) => T): Record<string, T> {
  if (!isRecord(record)) return {};
  return Object.fromEntries(Object.entries(record).flatMap(([key, value]) => (isRecord(value) ? [[key, map(value)]] : [])));
}

const text = (row: Loose): SetText => ({ ...blankText(), ...renamed<Partial<SetText>>(row) });

function pendingSet(change: Loose, unit: WeightUnit): PendingSet {
  const values = isRecord(change.values) ? change.values : {};
  const { weight, ...rest } = values;
  return {
    ...(change as Omit<PendingSet, "values" | "times">),
    values: {
      ...{ setType: "normal" as const, seconds: null, distanceM: null },
      ...renamed<Omit<PendingSet["values"], "weightKg" | "setType" | "seconds" | "distanceM">>(rest),
      // Version 2 queued the weight as typed, in the athlete's unit.
      weightKg: typeof weight === "number" ? toStoredKg(weight, unit) : Number.NaN,
    },
    times: renamed<PendingSet["times"]>(isRecord(change.times) ? change.times : {}),
  };
}

function snapshot(server: Loose): SessionSnapshot {
  const sets = Array.isArray(server.sets) ? server.sets.filter(isRecord) : [];
  return {
    ...(server as SessionSnapshot),
    sets: sets.map((set) => ({
      ...renamed<SessionSnapshot["sets"][number]>(set),
      times: renamed(isRecord(set.times) ? set.times : {}),
    })),
  };
}

function fromVersion2(state: Loose): Loose {
  const unit: WeightUnit = state.unit === "lb" ? "lb" : "kg";
  const pending = isRecord(state.pending) ? state.pending : {};
  return {
    ...(state as LoggerState),
    version: 3,
    unit,
    server: snapshot(isRecord(state.server) ? state.server : {}),
    pending: { ...(pending as LoggerState["pending"]), sets: mapValues(pending.sets, (change) => pendingSet(change, unit)) },
    rows: Object.fromEntries(
      Object.entries(isRecord(state.rows) ? state.rows : {}).map(([slotId, list]) => [
        slotId,
        (Array.isArray(list) ? list.filter(isRecord) : []).map((row) => ({
          ...(row as LoggerState["rows"][string][number]),
          text: text(isRecord(row.text) ? row.text : {}),
        })),
      ]),
    ),
    editing: mapValues(state.editing, text),
    errors: mapValues(state.errors, (errors) => renamed(errors)),
  };
}

/** A distance typed as a bare number of metres, given its unit so that version 4 reads it the same. */
function withMetres(text: SetText): SetText {
  return /^\s*\d*[.,]?\d+\s*$/.test(text.distanceM ?? "") ? { ...text, distanceM: `${text.distanceM.trim()} m` } : text;
}

function fromVersion3(state: Loose): LoggerState {
  const rows = isRecord(state.rows) ? state.rows : {};
  return {
    ...(state as LoggerState),
    version: LOGGER_STATE_VERSION,
    rows: Object.fromEntries(
      Object.entries(rows).map(([slotId, list]) => [
        slotId,
        (Array.isArray(list) ? list.filter(isRecord) : []).map((row) => ({
          ...(row as LoggerState["rows"][string][number]),
          text: withMetres(text(isRecord(row.text) ? row.text : {})),
        })),
      ]),
    ),
    editing: mapValues(state.editing, (typed) => withMetres(text(typed))),
  };
}

/** A stored state in the current shape, or null when it is not one this version can read. */
export function upgradeStoredState(stored: unknown): LoggerState | null {
  if (!isRecord(stored)) return null;
  if (stored.version === LOGGER_STATE_VERSION) return stored as LoggerState;
  if (stored.version === 3) return fromVersion3(stored);
  if (stored.version === 2) return fromVersion3(fromVersion2(stored));
  return null;
}
