import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSave, type StoredSession } from "./session-merge";
import { sessionSaveSchema, type SessionSave, type SessionSaveInput } from "./session-sync";

const SLOT = "00000000-0000-4000-8000-000000000001";
const empty: StoredSession = {
  revision: 0,
  name: "Workout",
  notes: "",
  durationSeconds: null,
  finished: false,
  times: {},
  slots: [{ id: SLOT, exerciseId: 1, position: 0, supersetGroup: null, target: null, revision: 0, times: {} }],
  sets: [],
  tombstones: [],
};

const uuid = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const times = (at: number) => ({ weightKg: at, reps: at, rpe: at, missed: at, position: at });
const setChange = (id: string, weightKg: number, at: number, position = 0) => ({
  id,
  slotId: SLOT,
  position,
  values: { weightKg, reps: 5, rpe: null, missed: false, setType: "normal" as const, seconds: null, distanceM: null },
  times: times(at),
});
const save = (input: Partial<SessionSaveInput> & { baseRevision: number }): SessionSave =>
  sessionSaveSchema.parse({ unit: "kg", ...input });

describe("mergeSave", () => {
  it("merges a set's type, time and distance field by field, and a device that does not send them leaves them alone", () => {
    const warmup = {
      id: uuid(1),
      slotId: SLOT,
      position: 0,
      values: { weightKg: 40, reps: 5, rpe: null, missed: false, setType: "warmup" as const, seconds: null, distanceM: null },
      times: { ...times(100), setType: 100, seconds: 100, distanceM: 100 },
    };
    const base = mergeSave(empty, save({ baseRevision: 0, sets: [warmup] }), 1000).session;
    expect(base.sets[0]).toMatchObject({ setType: "warmup", seconds: null, distanceM: null });
    // An older device edits the weight only, and says nothing of the set type: it stays a warm-up.
    const old = mergeSave(base, save({ baseRevision: 1, sets: [setChange(uuid(1), 42.5, 200)] }), 1000).session;
    expect(old.sets[0]).toMatchObject({ weightKg: 42.5, setType: "warmup" });
    // A later edit of the type on another device wins; an earlier one loses and is told.
    const normal = {
      ...warmup,
      values: { ...warmup.values, weightKg: 42.5, setType: "normal" as const },
      times: { ...warmup.times, weightKg: 200, setType: 300 },
    };
    const later = mergeSave(old, save({ baseRevision: 2, sets: [normal] }), 1000);
    expect(later.session.sets[0].setType).toBe("normal");
    const stale = mergeSave(
      later.session,
      save({
        baseRevision: 2,
        sets: [{ ...normal, values: { ...normal.values, setType: "drop" as const }, times: { ...normal.times, setType: 250 } }],
      }),
      1000,
    );
    expect(stale.session.sets[0].setType).toBe("normal");
    expect(stale.conflicts).toEqual([{ kind: "set", id: uuid(1), reason: "changed_elsewhere", fields: ["setType"] }]);
  });

  it("groups slots into a superset by the later change, and leaves the group alone for a device that does not send it", () => {
    const grouped = mergeSave(
      empty,
      save({
        baseRevision: 0,
        exercises: [{ id: SLOT, exerciseId: 1, position: 0, positionAt: 0, supersetGroup: 1, supersetAt: 200 }],
      }),
      1000,
    ).session;
    expect(grouped.slots[0].supersetGroup).toBe(1);
    const moved = mergeSave(
      grouped,
      save({ baseRevision: 1, exercises: [{ id: SLOT, exerciseId: 1, position: 2, positionAt: 300 }] }),
      1000,
    ).session;
    expect(moved.slots[0]).toMatchObject({ position: 2, supersetGroup: 1 });
    const stale = mergeSave(
      moved,
      save({
        baseRevision: 1,
        exercises: [{ id: SLOT, exerciseId: 1, position: 2, positionAt: 300, supersetGroup: null, supersetAt: 100 }],
      }),
      1000,
    );
    expect(stale.session.slots[0].supersetGroup).toBe(1);
    const ungrouped = mergeSave(
      moved,
      save({
        baseRevision: 2,
        exercises: [{ id: SLOT, exerciseId: 1, position: 2, positionAt: 300, supersetGroup: null, supersetAt: 400 }],
      }),
      1000,
    );
    expect(ungrouped.session.slots[0].supersetGroup).toBeNull();
  });

  it("stores a timed set with 0 reps, and refuses a set that records nothing", () => {
    const hold = {
      id: uuid(1),
      slotId: SLOT,
      position: 0,
      values: { weightKg: 0, reps: 0, rpe: null, missed: false, seconds: 45 },
      times: { ...times(100), seconds: 100 },
    };
    expect(mergeSave(empty, save({ baseRevision: 0, sets: [hold] }), 1000).session.sets[0]).toMatchObject({
      reps: 0,
      seconds: 45,
      setType: "normal",
    });
    expect(
      sessionSaveSchema.safeParse({ baseRevision: 0, unit: "kg", sets: [{ ...hold, values: { ...hold.values, seconds: null } }] })
        .success,
    ).toBe(false);
  });

  it("keeps both devices' sets when each adds one", () => {
    const a = mergeSave(empty, save({ baseRevision: 0, sets: [setChange(uuid(1), 7.5, 100)] }), 1000).session;
    const b = mergeSave(a, save({ baseRevision: 0, sets: [setChange(uuid(2), 5, 90, 1)] }), 1000).session;
    expect(b.sets.map((s) => s.weightKg)).toEqual([7.5, 5]);
    expect(b.revision).toBe(2);
  });

  it("lets the later edit of a field win, and tells the device whose edit lost", () => {
    const base = mergeSave(empty, save({ baseRevision: 0, sets: [setChange(uuid(1), 60, 100)] }), 1000).session;
    const later = mergeSave(base, save({ baseRevision: 1, sets: [setChange(uuid(1), 65, 300)] }), 1000).session;
    const earlier = mergeSave(later, save({ baseRevision: 1, sets: [setChange(uuid(1), 62.5, 200)] }), 1000);
    expect(earlier.session.sets[0].weightKg).toBe(65);
    expect(earlier.conflicts).toEqual([{ kind: "set", id: uuid(1), reason: "changed_elsewhere", fields: ["weightKg"] }]);
  });

  it("clamps a clock running ahead to the time the save arrives", () => {
    const base = mergeSave(empty, save({ baseRevision: 0, sets: [setChange(uuid(1), 60, 100)] }), 1000).session;
    const future = mergeSave(base, save({ baseRevision: 1, sets: [setChange(uuid(1), 99, 9_999_999)] }), 1000).session;
    const honest = mergeSave(future, save({ baseRevision: 2, sets: [setChange(uuid(1), 61, 1500)] }), 2000).session;
    expect(honest.sets[0].weightKg).toBe(61);
  });

  it("ignores a deletion of a set changed since the deleting device last saw it", () => {
    const base = mergeSave(empty, save({ baseRevision: 0, sets: [setChange(uuid(1), 60, 100)] }), 1000).session;
    const edited = mergeSave(base, save({ baseRevision: 1, sets: [setChange(uuid(1), 70, 200)] }), 1000).session;
    const stale = mergeSave(edited, save({ baseRevision: 1, deletedSets: [{ id: uuid(1), seenRevision: 1 }] }), 1000);
    expect(stale.session.sets.map((s) => s.weightKg)).toEqual([70]);
    expect(stale.conflicts).toEqual([{ kind: "set", id: uuid(1), reason: "kept" }]);
  });

  it("never brings back a deleted set or a removed exercise", () => {
    const base = mergeSave(empty, save({ baseRevision: 0, sets: [setChange(uuid(1), 60, 100)] }), 1000).session;
    const removed = mergeSave(base, save({ baseRevision: 1, deletedExercises: [{ id: SLOT, seenRevision: 1 }] }), 1000).session;
    expect(removed.slots).toEqual([]);
    const late = mergeSave(
      removed,
      save({
        baseRevision: 1,
        exercises: [{ id: SLOT, exerciseId: 1, position: 0, positionAt: 50 }],
        sets: [setChange(uuid(1), 65, 900)],
      }),
      1000,
    );
    expect(late.session.slots).toEqual([]);
    expect(late.session.sets).toEqual([]);
    expect(late.conflicts.map((c) => c.reason)).toEqual(["deleted_elsewhere", "deleted_elsewhere"]);
  });
});

/** Two devices, each with the session it last heard of and the changes it has not sent. */
type Device = { seen: StoredSession; pending: SessionSave; seenIds: Set<string> };
type Op =
  | { kind: "add"; device: 0 | 1; weightKg: number }
  | { kind: "edit"; device: 0 | 1; pick: number; weightKg: number }
  | { kind: "delete"; device: 0 | 1; pick: number }
  | { kind: "sync"; device: 0 | 1 };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("add" as const),
    device: fc.constantFrom(0 as const, 1 as const),
    weightKg: fc.integer({ min: 0, max: 200 }),
  }),
  fc.record({
    kind: fc.constant("edit" as const),
    device: fc.constantFrom(0 as const, 1 as const),
    pick: fc.nat(),
    weightKg: fc.integer({ min: 0, max: 200 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), device: fc.constantFrom(0 as const, 1 as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("sync" as const), device: fc.constantFrom(0 as const, 1 as const) }),
);

const blank = (baseRevision: number): SessionSave => save({ baseRevision });
const withoutRevisions = (s: StoredSession) => ({
  ...s,
  revision: 0,
  sets: s.sets.map((x) => ({ ...x, revision: 0 })),
  slots: s.slots.map((x) => ({ ...x, revision: 0 })),
  tombstones: s.tombstones.map((t) => ({ ...t, revision: 0 })).sort((a, b) => a.id.localeCompare(b.id)),
});

describe("mergeSave, for any two devices' interleaved changes", () => {
  it("holds every set added and not deleted by a device that had seen it, in a stable order; retries change nothing", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        let server = empty;
        let clock = 1000;
        let next = 1;
        const added = new Set<string>();
        // Sets a device asked to delete having seen them (the only way a set may go).
        const deletedBySeer = new Set<string>();
        const devices: Device[] = [0, 1].map(() => ({ seen: empty, pending: blank(0), seenIds: new Set() }));
        const sync = (d: Device) => {
          const before = server;
          const outcome = mergeSave(server, d.pending, clock);
          server = outcome.session;
          // A retried save (the answer was lost) changes nothing.
          expect(mergeSave(server, d.pending, clock).changed).toBe(false);
          for (const del of d.pending.deletedSets)
            if (d.seenIds.has(del.id) && before.sets.some((s) => s.id === del.id)) deletedBySeer.add(del.id);
          d.seen = server;
          d.seenIds = new Set(server.sets.map((s) => s.id));
          d.pending = blank(server.revision);
        };
        for (const op of ops) {
          clock += 10;
          const d = devices[op.device];
          const visible = [
            ...d.seen.sets.filter((s) => !d.pending.deletedSets.some((x) => x.id === s.id)).map((s) => s.id),
            ...d.pending.sets.map((s) => s.id),
          ];
          if (op.kind === "add") {
            const id = uuid(next++);
            added.add(id);
            d.pending.sets.push(setChange(id, op.weightKg, clock, next));
          } else if (op.kind === "edit" && visible.length) {
            const id = visible[op.pick % visible.length];
            d.pending.sets = [
              ...d.pending.sets.filter((s) => s.id !== id),
              setChange(
                id,
                op.weightKg,
                clock,
                d.seen.sets.find((s) => s.id === id)?.position ?? d.pending.sets.find((s) => s.id === id)?.position ?? 0,
              ),
            ];
          } else if (op.kind === "delete" && visible.length) {
            const id = visible[op.pick % visible.length];
            if (d.pending.sets.some((s) => s.id === id) && !d.seenIds.has(id)) {
              // Never sent: forgetting it locally is the deletion (no other device has seen it).
              d.pending.sets = d.pending.sets.filter((s) => s.id !== id);
              added.delete(id);
            } else {
              d.pending.sets = d.pending.sets.filter((s) => s.id !== id);
              d.pending.deletedSets.push({ id, seenRevision: d.seen.revision });
            }
          } else if (op.kind === "sync") {
            sync(d);
          }
        }
        // Both come back online.
        sync(devices[0]);
        sync(devices[1]);
        const ids = new Set(server.sets.map((s) => s.id));
        for (const id of added) if (!deletedBySeer.has(id)) expect(ids.has(id)).toBe(true);
        for (const id of ids) expect(added.has(id)).toBe(true);
        const order = server.sets.map((s) => `${String(s.position).padStart(6, "0")}:${s.id}`);
        expect(order).toEqual([...order].sort());
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same session whichever of two saves of disjoint changes arrives first", () => {
    const change = fc.record({ weightKg: fc.integer({ min: 0, max: 200 }), at: fc.integer({ min: 1, max: 900 }) });
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 1, maxLength: 5 }),
        fc.array(change, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (left, right, deleteFirst) => {
          const base = mergeSave(empty, save({ baseRevision: 0, sets: [setChange(uuid(999), 1, 1)] }), 1000).session;
          const a = save({
            baseRevision: 1,
            sets: left.map((c, i) => setChange(uuid(100 + i), c.weightKg, c.at, 1 + i)),
            ...(deleteFirst ? { deletedSets: [{ id: uuid(999), seenRevision: 1 }] } : {}),
          });
          const b = save({
            baseRevision: 1,
            sets: right.map((c, i) => setChange(uuid(200 + i), c.weightKg, c.at, 10 + i)),
            name: { value: "Legs", at: 5 },
          });
          const ab = mergeSave(mergeSave(base, a, 1000).session, b, 1000).session;
          const ba = mergeSave(mergeSave(base, b, 1000).session, a, 1000).session;
          expect(withoutRevisions(ab)).toEqual(withoutRevisions(ba));
        },
      ),
    );
  });

  it("keeps every set of two devices that logged at the same places, each at its own place, whichever arrives first", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (left, right, aFirst) => {
        const a = save({ baseRevision: 0, sets: Array.from({ length: left }, (_, i) => setChange(uuid(100 + i), 100, 1, i)) });
        const b = save({ baseRevision: 0, sets: Array.from({ length: right }, (_, i) => setChange(uuid(200 + i), 120, 2, i)) });
        const [first, second] = aFirst ? [a, b] : [b, a];
        const once = mergeSave(empty, first, 1000);
        const twice = mergeSave(once.session, second, 1000);
        expect(once.conflicts).toEqual([]);
        expect(twice.session.sets).toHaveLength(left + right);
        expect(new Set(twice.session.sets.map((s) => s.position)).size).toBe(left + right);
        // The first save's sets keep their places; the second's follow, in the order they were logged.
        expect(twice.session.sets.map((s) => s.id)).toEqual([...first.sets, ...second.sets].map((s) => s.id));
        const overlap = Math.min(left, right);
        expect(twice.conflicts).toEqual(
          second.sets.slice(0, overlap).map((s) => ({ kind: "set", id: s.id, reason: "also_logged", position: s.position })),
        );
        // A retry of either changes nothing.
        expect(mergeSave(twice.session, second, 1000).changed).toBe(false);
        expect(mergeSave(twice.session, first, 1000).changed).toBe(false);
      }),
    );
  });
});
