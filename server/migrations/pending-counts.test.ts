import { describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import type { AnyDataMigration } from "./types";
import { pendingCountOf } from "./pending-counts";

function countingMigration(id: string, counts: number[]): AnyDataMigration & { calls: number } {
  const migration = {
    id,
    calls: 0,
    async pendingOutcome() {
      return { toChange: counts[migration.calls++] ?? -1, errors: 2 };
    },
  };
  return migration as unknown as AnyDataMigration & { calls: number };
}

const db = {} as DbOrTx;

describe("the overview's pending counts", () => {
  it("reuses a count for a minute while the latest run stays the same", async () => {
    const migration = countingMigration("cache-ttl", [40, 39]);
    const run = { id: 7, status: "completed" as const };
    expect((await pendingCountOf(db, migration, run, 1_000)).pending.toChange).toBe(40);
    expect((await pendingCountOf(db, migration, run, 50_000)).pending.toChange).toBe(40);
    expect(migration.calls).toBe(1);
    expect((await pendingCountOf(db, migration, run, 61_001)).pending.toChange).toBe(39);
  });

  it("recounts at once when a run starts or finishes", async () => {
    const migration = countingMigration("cache-run", [40, 40, 5]);
    await pendingCountOf(db, migration, null, 1_000);
    await pendingCountOf(db, migration, { id: 8, status: "running" }, 2_000);
    const after = await pendingCountOf(db, migration, { id: 8, status: "completed" }, 3_000);
    expect(after).toEqual({ pending: { toChange: 5, errors: 2 }, countedAt: new Date(3_000) });
    expect(migration.calls).toBe(3);
  });
});
