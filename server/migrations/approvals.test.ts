import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { EQUIPMENT_CASES } from "@/test/equipment-cases";
import { collect, emptyMigrationTables, insertLegacyAssessments } from "@/test/migrations";
import { reportChunks } from "./report";
import { runMigration } from "./engine";
import { equipmentSingleChoice } from "./equipment-single-choice";
import {
  APPROVAL_LIFETIME_MS,
  ApprovalRefusedError,
  DEFAULT_SETTING,
  approvalOfRun,
  approvalRequirement,
  checkRunApproval,
  decideApproval,
  pendingApprovalRequests,
  requestApproval,
  setApprovalRequirement,
} from "./approvals";

const ID = "equipment-single-choice";

let database: TestDatabase;
let asker: { userId: number; label: string };
let checker: { userId: number; label: string };
let previewId: number;

async function admin(email: string) {
  const [row] = await queryRows<{ id: number }>(
    database.db,
    sql`INSERT INTO users (email, role) VALUES (${email}, 'admin') RETURNING id`,
  );
  return { userId: row.id, label: email };
}

async function preview(): Promise<number> {
  return (await runMigration(database, { migrationId: ID, mode: "dry_run", startedBy: asker })).run.id;
}

async function approved(now = new Date()) {
  const request = await requestApproval(database, {
    migrationId: ID,
    previewRunId: previewId,
    note: "Monday's run",
    requestedBy: asker,
    now,
  });
  return decideApproval(database, { approvalId: request.id, approve: true, note: "Counts look right", decidedBy: checker, now });
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.execute(sql`TRUNCATE migration_settings, migration_approvals`);
  await emptyMigrationTables(database.db);
  await insertLegacyAssessments(database.db, EQUIPMENT_CASES);
  asker = await admin("asker@example.com");
  checker = await admin("checker@example.com");
  previewId = await preview();
});

describe("whether a run needs approval", () => {
  it("follows the default unless the migration has its own setting", async () => {
    expect(await approvalRequirement(database.db, ID)).toEqual({ required: false, own: null, byDefault: false });
    await setApprovalRequirement(database.db, { migrationId: DEFAULT_SETTING, requiresApproval: true, by: asker });
    expect((await approvalRequirement(database.db, ID)).required).toBe(true);
    await setApprovalRequirement(database.db, { migrationId: ID, requiresApproval: false, by: asker });
    expect(await approvalRequirement(database.db, ID)).toEqual({ required: false, own: false, byDefault: true });
    await setApprovalRequirement(database.db, { migrationId: ID, requiresApproval: null, by: asker });
    expect(await approvalRequirement(database.db, ID)).toEqual({ required: true, own: null, byDefault: true });
  });

  it("refuses an apply without an approval when one is required", async () => {
    await setApprovalRequirement(database.db, { migrationId: ID, requiresApproval: true, by: asker });
    await expect(checkRunApproval(database.db, equipmentSingleChoice, null)).rejects.toThrow(/needs another admin's approval/);
  });
});

describe("asking and deciding", () => {
  it("refuses the admin who asked", async () => {
    const request = await requestApproval(database, {
      migrationId: ID,
      previewRunId: previewId,
      note: "please",
      requestedBy: asker,
    });
    await expect(
      decideApproval(database, { approvalId: request.id, approve: true, note: "self", decidedBy: asker }),
    ).rejects.toThrow(/another admin must decide/);
    await expect(checkRunApproval(database.db, equipmentSingleChoice, request.id)).rejects.toThrow(/is pending, not approved/);
  });

  it("lets another admin approve, and the run records who asked and who approved", async () => {
    await setApprovalRequirement(database.db, { migrationId: ID, requiresApproval: true, by: asker });
    const approval = await approved();
    expect(approval).toMatchObject({ status: "approved", requestedBy: asker.label, decidedBy: checker.label });
    await checkRunApproval(database.db, equipmentSingleChoice, approval.id);
    const { run } = await runMigration(database, { migrationId: ID, mode: "apply", startedBy: asker, approvalId: approval.id });
    expect(run.status).toBe("completed");
    expect(await approvalOfRun(database.db, run.id)).toMatchObject({ id: approval.id, decidedBy: checker.label, runId: run.id });
    const report = JSON.parse(await collect(reportChunks(database.db, run.id, "json")));
    expect(report.report.approval).toMatchObject({
      approval_id: approval.id,
      requested_by: asker.label,
      request_note: "Monday's run",
      approved_by: checker.label,
      approval_note: "Counts look right",
    });
    // One approval, one run.
    await expect(checkRunApproval(database.db, equipmentSingleChoice, approval.id)).rejects.toThrow(/already used by run/);
  });

  it("a declined request starts no run", async () => {
    const request = await requestApproval(database, {
      migrationId: ID,
      previewRunId: previewId,
      note: "please",
      requestedBy: asker,
    });
    await decideApproval(database, { approvalId: request.id, approve: false, note: "Too many errors", decidedBy: checker });
    await expect(checkRunApproval(database.db, equipmentSingleChoice, request.id)).rejects.toThrow(/is declined/);
  });
});

describe("an approval goes stale", () => {
  it("when the data changes after its preview", async () => {
    const approval = await approved();
    await database.db.execute(sql`UPDATE assessments SET age = age + 1 WHERE id = (SELECT min(id) FROM assessments)`);
    await expect(checkRunApproval(database.db, equipmentSingleChoice, approval.id)).rejects.toThrow(/data changed since/);
  });

  it("when a newer preview replaces its own, and it cannot be approved for a stale preview either", async () => {
    const request = await requestApproval(database, {
      migrationId: ID,
      previewRunId: previewId,
      note: "please",
      requestedBy: asker,
    });
    await database.db.execute(sql`UPDATE assessments SET age = age + 1 WHERE id = (SELECT min(id) FROM assessments)`);
    await expect(
      decideApproval(database, { approvalId: request.id, approve: true, note: "ok", decidedBy: checker }),
    ).rejects.toThrow(/is stale/);
    previewId = await preview();
    await expect(
      decideApproval(database, { approvalId: request.id, approve: true, note: "ok", decidedBy: checker }),
    ).rejects.toThrow(/newer preview/);
  });

  it("after its lifetime", async () => {
    const approval = await approved();
    const later = new Date(approval.decidedAt!.getTime() + APPROVAL_LIFETIME_MS + 1000);
    await expect(checkRunApproval(database.db, equipmentSingleChoice, approval.id, later)).rejects.toThrow(/expired/);
    // The engine's own claim checks the database's clock too.
    await database.db.execute(sql`UPDATE migration_approvals SET expires_at = now() - interval '1 second'`);
    const result = runMigration(database, { migrationId: ID, mode: "apply", startedBy: asker, approvalId: approval.id });
    await expect(result).rejects.toBeInstanceOf(ApprovalRefusedError);
    const [{ n }] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM migration_runs WHERE mode = 'apply'`,
    );
    expect(n).toBe(0);
  });
});

describe("requests waiting for a decision, on the admin overview", () => {
  const ask = (note: string, now = new Date()) =>
    requestApproval(database, { migrationId: ID, previewRunId: previewId, note, requestedBy: asker, now });
  const waiting = async (now = new Date()) => (await pendingApprovalRequests(database.db, now)).map((a) => a.id);

  it("lists a request until another admin decides it", async () => {
    const request = await ask("Before the release");
    expect(await pendingApprovalRequests(database.db)).toEqual([
      expect.objectContaining({ id: request.id, migrationId: ID, requestedBy: asker.label, requestNote: "Before the release" }),
    ]);
    await decideApproval(database, { approvalId: request.id, approve: false, note: "Not this week", decidedBy: checker });
    expect(await waiting()).toEqual([]);
  });

  it("leaves out a request that expired or whose preview a newer one replaced", async () => {
    const request = await ask("Soon");
    expect(await waiting(new Date(request.expiresAt.getTime() - 1000))).toEqual([request.id]);
    expect(await waiting(request.expiresAt)).toEqual([]);
    previewId = await preview();
    expect(await waiting()).toEqual([]);
  });
});
