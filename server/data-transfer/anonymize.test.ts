/**
 * The anonymized copy end to end: a database with known people, typed text and secrets (the demo data,
 * the old system's sample dump, and a few more), dumped with --anonymize, holds none of them; it loads
 * into an empty database with the same training numbers, rehearses every data migration with the
 * original's counts, and lets an operator sign in.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { type Database, type Db, openDatabase, queryRows, runSchemaMigrations } from "@/db/client";
import {
  authSessions,
  exercises,
  historyImports,
  mailQueue,
  maintenanceNotices,
  migrationRowFixes,
  migrationRunItems,
  passwordResetTokens,
  rateLimits,
  sessionSets,
  splitDays,
  splits,
  users,
  workoutSessions,
} from "@/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/db/seed";
import { inspectResetToken } from "@/server/auth/password-reset";
import { runMigration } from "@/server/migrations/engine";
import { dataMigrations } from "@/server/migrations/registry";
import { type TestDatabase, createTestDatabase, usingPostgres } from "@/test/database";
import { collect } from "@/test/data-transfer-fixtures";
import { ANONYMIZED_TEXT } from "./anonymize-columns";
import { textDumpSource } from "./dump-source";
import { exportAll } from "./export";
import { importDump } from "./import";
import { importLegacyDump } from "./legacy/import-legacy";
import { readLegacyDump } from "./legacy/read-legacy-dump";
import { prepareStagingSignIn, readDumpHeader } from "./staging-admin";

const LEGACY_SAMPLE = path.join("samples", "legacy-dumpdata.json");
const KNOWN_HASH = "$argon2id$v=19$m=19456,t=2,p=1$S0VFUFNFQ1JFVA$a25vd25oYXNoa25vd25oYXNo";
const TYPED = {
  email: "known.person@private-mail.example",
  name: "Quentin Knownperson",
  exercise: "Grandma's Towel Row",
  exerciseNotes: "after my knee surgery",
  split: "Quentin's Secret Split",
  day: "Wedding Prep Day",
  session: "Lunch break at the office",
  sessionNotes: "felt dizzy, talk to Dr Okoro",
  setNotes: "left shoulder clicked",
  fileName: "quentin-strong-export.csv",
  address: "203.0.113.77",
  userAgent: "QuentinPhone/1.0",
  resetTokenHash: "d3b07384d113edec49eaa6238ad5ff00d3b07384d113edec49eaa6238ad5ff00",
  mailBody: "Hi Quentin, please re-assess",
};

/**
 * Every value the copy must not hold: the seeded ones, and the people of the old system's sample with
 * their own exercises (except words the library's names hold too: those are nobody's own). Names are
 * searched as whole words ("Tom" is not in "custom"), everything else as text in any case.
 */
function knownValues(libraryNames: Set<string>): { text: string[]; words: string[] } {
  const legacy = JSON.parse(fs.readFileSync(LEGACY_SAMPLE, "utf8")) as { model: string; fields: Record<string, unknown> }[];
  const users = legacy.filter((r) => r.model === "auth.user").map((r) => r.fields);
  const typedByAthletes = legacy.flatMap((r) =>
    r.model === "workouts.workout" && r.fields.user !== 1 ? [r.fields.workout_name, r.fields.notes] : [],
  );
  const present = (values: unknown[]) =>
    values
      .filter((v): v is string => typeof v === "string" && v.trim().length > 0)
      .map((v) => v.replace(/ \p{Extended_Pictographic}+$/u, ""))
      .filter((v) => ![...libraryNames].some((name) => name.includes(v.toLowerCase())));
  return {
    text: present([
      ...Object.values(DEMO_ACCOUNTS),
      ...["Alex Admin", "Jordan Athlete", "Casey Flagged", "Maya Runner", "Felt strong today."],
      "member001@example.com",
      KNOWN_HASH,
      ...Object.values(TYPED),
      ...users.flatMap((u) => [u.email, u.password, u.username]),
      ...typedByAthletes,
    ]),
    words: present(users.flatMap((u) => [u.first_name, u.last_name])),
  };
}

async function seedKnownData(db: Db): Promise<void> {
  await seedDemoData(db, { hashPassword: async () => KNOWN_HASH, now: new Date("2026-11-20T12:00:00Z") });
  const [person] = await db
    .insert(users)
    .values({ email: TYPED.email, name: TYPED.name, passwordHash: KNOWN_HASH })
    .returning({ id: users.id });
  const [admin] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.admin));
  const [custom] = await db
    .insert(exercises)
    .values({ name: TYPED.exercise, type: "dumbbell", notes: TYPED.exerciseNotes, createdBy: person.id })
    .returning();
  const [split] = await db.insert(splits).values({ userId: person.id, name: TYPED.split }).returning();
  await db.insert(splitDays).values({ splitId: split.id, name: TYPED.day });
  const [imported] = await db
    .insert(historyImports)
    .values({ userId: person.id, fileName: TYPED.fileName, format: "strong", workouts: 1, sets: 1 })
    .returning();
  const [session] = await db
    .insert(workoutSessions)
    .values({
      userId: person.id,
      name: TYPED.session,
      notes: TYPED.sessionNotes,
      startedAt: new Date("2026-11-01T12:00:00Z"),
      finishedAt: new Date("2026-11-01T13:00:00Z"),
      importId: imported.id,
    })
    .returning();
  const slot = "5b1c2a4e-0b8d-4c3e-9a51-2d7e8f901234";
  await db.execute(
    sql`INSERT INTO session_exercises (id, session_id, exercise_id, note) VALUES (${slot}, ${session.id}, ${custom.id}, ${TYPED.setNotes})`,
  );
  await db.insert(sessionSets).values({
    sessionId: session.id,
    exerciseId: custom.id,
    exerciseSlotId: slot,
    position: 0,
    reps: 12,
    weightKg: 22.5,
    notes: TYPED.setNotes,
  });
  await db.insert(authSessions).values({ userId: person.id, ipAddress: TYPED.address, userAgent: TYPED.userAgent });
  await db.insert(passwordResetTokens).values({
    userId: person.id,
    tokenHash: TYPED.resetTokenHash,
    expiresAt: new Date("2030-01-01T00:00:00Z"),
    issuedBy: DEMO_ACCOUNTS.admin,
    issuedByUserId: admin.id,
  });
  await db.insert(rateLimits).values({ key: `sign-in:${TYPED.email}_${TYPED.address}`, points: 3 });
  await db.insert(mailQueue).values({ toAddress: TYPED.email, subject: "Re-assess", textBody: TYPED.mailBody });
  await db.insert(maintenanceNotices).values({
    message: `Questions to ${DEMO_ACCOUNTS.admin}`,
    startsAt: new Date("2026-12-01T00:00:00Z"),
    endsAt: new Date("2026-12-01T01:00:00Z"),
    leadMinutes: 60,
    notifyFrom: new Date("2026-11-30T23:00:00Z"),
    createdBy: DEMO_ACCOUNTS.admin,
    createdByUserId: admin.id,
  });
}

const startedBy = { userId: null, label: "cli:quentin@quentins-laptop" };

/** Each migration's dry run, in registry order: what a rehearsal on the database would count. */
async function previews(database: Database) {
  const out: Record<string, unknown> = {};
  for (const migration of dataMigrations) {
    const { summary } = await runMigration(database, { migrationId: migration.id, mode: "dry_run", startedBy });
    out[migration.id] = { summary, pending: await migration.pendingOutcome(database.db) };
  }
  return out;
}

async function trainingTotals(db: Db) {
  const [row] = await queryRows<Record<string, string | number>>(
    db,
    sql`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM workout_sessions)::int AS sessions,
               (SELECT count(*) FROM session_sets)::int AS sets, (SELECT count(*) FROM assessments)::int AS assessments,
               (SELECT coalesce(sum(weight_kg * reps), 0)::text FROM session_sets) AS volume_kg`,
  );
  return row;
}

let source: TestDatabase;
let dump: string;
let originalPreviews: Record<string, unknown>;
const opened: { drop?(): Promise<void>; close?(): Promise<void> }[] = [];

beforeAll(async () => {
  source = await createTestDatabase();
  await seedKnownData(source.db);
  expect((await importLegacyDump(source, readLegacyDump(LEGACY_SAMPLE), {})).status).toBe("imported");
  // History to carry: an applied run (items name users by email) and an admin's fix of one row.
  const applied = await runMigration(source, {
    migrationId: "equipment-single-choice",
    mode: "apply",
    startedBy: { userId: null, label: DEMO_ACCOUNTS.admin },
  });
  const [item] = await source.db.select().from(migrationRunItems).where(eq(migrationRunItems.runId, applied.run.id)).limit(1);
  await source.db.insert(migrationRowFixes).values({
    migrationId: "equipment-single-choice",
    runId: applied.run.id,
    rowId: item.rowId,
    before: { equipment: "gym", note: `asked by ${TYPED.email}` },
    after: { equipment: "full_gym" },
    fixedBy: DEMO_ACCOUNTS.admin,
  });
  originalPreviews = await previews(source);
  // A rehearsal worth the name: the old system's names still migrate, and collide, on the original.
  expect(originalPreviews["strip-legacy-name-suffixes"]).toMatchObject({ summary: { migrated: 2, errors: 1 } });
  expect(originalPreviews["strip-legacy-split-name-suffixes"]).toMatchObject({ summary: { errors: 1 } });
  dump = await collect(exportAll(source.db, { anonymize: true, batchSize: 50 }));
});

afterAll(async () => {
  for (const database of opened) await (database.drop ?? database.close)?.call(database);
  await source?.drop();
});

describe("an anonymized copy", () => {
  it("holds none of the known emails, names, typed text or secrets anywhere in the file", async () => {
    const library = await queryRows<{ name: string }>(
      source.db,
      sql`SELECT lower(name) AS name FROM exercises WHERE created_by IS NULL`,
    );
    const known = knownValues(new Set(library.map((r) => r.name)));
    expect(known.text.length + known.words.length).toBeGreaterThan(50);
    const text = dump.toLowerCase();
    expect(known.text.filter((value) => text.includes(value.toLowerCase()))).toEqual([]);
    const words = new Set(dump.split(/[^\p{L}'-]+/u));
    expect(known.words.filter((word) => words.has(word))).toEqual([]);
    // Every address in it is a pseudonym at the reserved domain.
    expect(dump.match(/@[\w.-]+/g)?.filter((domain) => domain !== "@example.invalid") ?? []).toEqual([]);
    expect(dump).not.toMatch(/\$argon2|\$2[aby]\$|pbkdf2_/);
  });

  it("says so in its header, and leaves out every table that is only secrets, sessions or mail", async () => {
    const header = await readDumpHeader(textDumpSource(dump));
    expect(header).toMatchObject({ anonymized: true, secrets: "omitted" });
    const tables = new Set(dump.split("\n").flatMap((line) => (line.startsWith('{"table"') ? [JSON.parse(line).table] : [])));
    for (const table of ["auth_sessions", "password_reset_tokens", "rate_limits", "mail_queue"])
      expect(tables).not.toContain(table);
    expect(tables).toContain("migration_run_items");
  });

  it("gives a person one pseudonym in every table, and a different key every export", async () => {
    const records = dump
      .trimEnd()
      .split("\n")
      .slice(1, -1)
      .map((line) => JSON.parse(line) as { table: string; row: Record<string, unknown> });
    const items = records.filter((r) => r.table === "migration_run_items" && r.row.user_id !== null);
    expect(items.length).toBeGreaterThan(0);
    for (const { row } of items) expect(row.user_email).toBe(`athlete-${String(row.user_id)}@example.invalid`);
    const [admin] = await source.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.admin));
    const adminPseudonym = `athlete-${admin.id}@example.invalid`;
    const run = records.find((r) => r.table === "migration_runs" && r.row.mode === "apply");
    expect(run?.row.started_by).toBe(adminPseudonym);
    const fix = records.find((r) => r.table === "migration_row_fixes");
    expect(fix?.row).toMatchObject({ fixed_by: adminPseudonym, after: { equipment: "full_gym" } });
    expect(JSON.stringify(fix?.row.before)).toMatch(/asked by athlete-\d+@example\.invalid/);
    const notice = records.find((r) => r.table === "maintenance_notices");
    expect(notice?.row).toMatchObject({ created_by: adminPseudonym, message: `Questions to ${adminPseudonym}` });
    expect(records.find((r) => r.table === "migration_runs" && r.row.mode === "dry_run")?.row.started_by).toBe("cli:operator");

    // Why a row erred is kept when it quotes only kept values (an equipment answer), not a typed name.
    const migrationOf = new Map(records.filter((r) => r.table === "migration_runs").map((r) => [r.row.id, r.row.migration_id]));
    const reasons = (id: string) =>
      records.filter((r) => r.table === "migration_run_items" && migrationOf.get(r.row.run_id) === id && r.row.reason !== null);
    expect(reasons("equipment-single-choice").length).toBeGreaterThan(0);
    expect(reasons("equipment-single-choice").every((r) => r.row.reason !== ANONYMIZED_TEXT)).toBe(true);
    expect(reasons("strip-legacy-name-suffixes").length).toBeGreaterThan(0);
    expect(reasons("strip-legacy-name-suffixes").every((r) => r.row.reason === ANONYMIZED_TEXT)).toBe(true);

    // A custom exercise's pseudonym comes from a key made for each export, kept nowhere.
    const named = (d: string, id?: unknown) =>
      d
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as { table?: string; row?: Record<string, unknown> })
        .find(
          (r) =>
            r.table === "exercises" &&
            (id === undefined ? /^Exercise [0-9a-f]{16}$/.test(String(r.row?.name)) : r.row?.id === id),
        )?.row;
    const first = named(dump);
    expect(first).toBeDefined();
    const again = named(await collect(exportAll(source.db, { anonymize: true })), first?.id);
    expect(again?.name).toMatch(/^Exercise [0-9a-f]{16}$/);
    expect(again?.name).not.toBe(first?.name);
  });

  it("refuses to carry password hashes", async () => {
    await expect(collect(exportAll(source.db, { anonymize: true, includeSecrets: true }))).rejects.toThrow(/never holds/);
  });

  async function checkCopy(target: Database) {
    const report = await importDump(target, textDumpSource(dump, "copy.ndjson"));
    expect(report.status, report.message).toBe("imported");
    expect(await trainingTotals(target.db)).toEqual(await trainingTotals(source.db));
    expect(await previews(target)).toEqual(originalPreviews);

    const signIn = await prepareStagingSignIn(target.db);
    const [admin] = await source.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.admin));
    expect(signIn).toMatchObject({ email: `athlete-${admin.id}@example.invalid`, promoted: false });
    const token = signIn.path.replace("/reset-password/", "");
    expect(await inspectResetToken(target.db, token)).toEqual({ state: "valid", email: signIn.email });
    const [stored] = await target.db.select().from(passwordResetTokens);
    expect(stored.tokenHash).not.toBe(token);

    const [athlete] = await source.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.athlete));
    const named = await prepareStagingSignIn(target.db, `Athlete-${athlete.id}@example.invalid`);
    expect(named).toMatchObject({ email: `athlete-${athlete.id}@example.invalid`, promoted: true });
    await expect(prepareStagingSignIn(target.db, DEMO_ACCOUNTS.admin)).rejects.toThrow(/No user of the copy/);
  }

  it(`imports into an empty ${usingPostgres ? "PostgreSQL" : "PGlite"} database with the same training numbers and migration previews, and names a staging admin`, async () => {
    const target = await createTestDatabase();
    opened.push(target);
    await checkCopy(target);
  });

  // The copy taken from PostgreSQL also loads on the embedded database (without DATABASE_URL the
  // test above already is the PGlite case).
  it.skipIf(!usingPostgres)("imports into an empty PGlite database the same way", async () => {
    const target = await openDatabase({ dataDir: "memory" });
    opened.push(target);
    await runSchemaMigrations(target);
    await checkCopy(target);
  });
});
