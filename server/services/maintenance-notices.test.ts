import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, MIGRATIONS_FOLDER } from "@/db/client";
import { createTestDatabase, type TestDatabase, usingPostgres } from "@/test/database";
import { maintenanceNotices, users } from "@/db/schema";
import { UserFacingError, databaseErrorMessage } from "@/lib/errors";
import { scheduleNoticeSchema } from "@/lib/maintenance/notice";
import { noticePhase } from "@/lib/maintenance/phase";
import { endMaintenanceNotice, scheduleMaintenanceNotice } from "./maintenance-notices";
import { listMaintenanceNotices, visibleMaintenanceNotices } from "@/server/queries/maintenance-notices";

let database: TestDatabase;
let admin: { id: number; email: string };
const at = (iso: string) => new Date(iso);
const NOW = at("2026-12-01T12:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  [admin] = await database.db
    .insert(users)
    .values({ email: "boss@example.com", role: "admin" })
    .returning({ id: users.id, email: users.email });
});
afterAll(async () => {
  await database?.drop();
});

const schedule = (form: Record<string, string>, now = NOW) =>
  scheduleMaintenanceNotice(database.db, admin, scheduleNoticeSchema.parse({ leadMinutes: "60", timeZone: "UTC", ...form }), now);

/** A window written straight to the table, as SQL or a dump would, not through the service. */
function windowRow(message: string, startsAt: string, endsAt: string) {
  return { message, startsAt: at(startsAt), endsAt: at(endsAt), leadMinutes: 0, notifyFrom: at(startsAt), createdBy: "sql" };
}

describe("planned maintenance notices", () => {
  it("shows a notice from the lead time before the window until the window ends", async () => {
    const notice = await schedule({ message: "Database upgrade", startsAt: "2026-12-01T14:00", endsAt: "2026-12-01T15:00" });
    expect(notice.notifyFrom).toEqual(at("2026-12-01T13:00:00Z"));
    const ids = async (now: string) => (await visibleMaintenanceNotices(database.db, at(now))).map((n) => n.id);
    expect(await ids("2026-12-01T12:59:00Z")).not.toContain(notice.id);
    expect(await ids("2026-12-01T13:00:00Z")).toContain(notice.id);
    expect(await ids("2026-12-01T14:30:00Z")).toContain(notice.id);
    expect(await ids("2026-12-01T15:00:00Z")).not.toContain(notice.id);
  });

  it("reads the admin's wall clock in the admin's time zone", async () => {
    const notice = await schedule({
      message: "Paris night",
      startsAt: "2026-12-02T02:00",
      endsAt: "2026-12-02T03:00",
      timeZone: "Europe/Paris",
    });
    expect(notice.startsAt).toEqual(at("2026-12-02T01:00:00Z"));
  });

  it("replaces the banner with the completion message when ended early, then clears it an hour later", async () => {
    const notice = await schedule({ message: "Reindexing", startsAt: "2026-12-03T10:00", endsAt: "2026-12-03T12:00" });
    const endedAt = at("2026-12-03T10:20:00Z");
    await endMaintenanceNotice(database.db, { ...admin }, { noticeId: notice.id, completionMessage: "All done early." }, endedAt);
    const shown = await visibleMaintenanceNotices(database.db, at("2026-12-03T11:00:00Z"));
    expect(shown.find((n) => n.id === notice.id)).toMatchObject({
      completionMessage: "All done early.",
      endedAt: endedAt.toISOString(),
    });
    expect((await visibleMaintenanceNotices(database.db, at("2026-12-03T11:21:00Z"))).map((n) => n.id)).not.toContain(notice.id);
    const [listed] = (await listMaintenanceNotices(database.db)).filter((n) => n.id === notice.id);
    expect(listed.endedBy).toBe("boss@example.com");
  });

  it("refuses to end a window twice, or one that is already over", async () => {
    const notice = await schedule({ message: "Short", startsAt: "2026-12-04T10:00", endsAt: "2026-12-04T11:00" });
    await endMaintenanceNotice(
      database.db,
      admin,
      { noticeId: notice.id, completionMessage: "Done." },
      at("2026-12-04T10:10:00Z"),
    );
    await expect(
      endMaintenanceNotice(database.db, admin, { noticeId: notice.id, completionMessage: "Again." }, at("2026-12-04T10:11:00Z")),
    ).rejects.toThrow("already over");
    const later = await schedule({ message: "Past", startsAt: "2026-12-05T10:00", endsAt: "2026-12-05T11:00" });
    await expect(
      endMaintenanceNotice(database.db, admin, { noticeId: later.id, completionMessage: "Late." }, at("2026-12-05T12:00:00Z")),
    ).rejects.toThrow("already over");
    await expect(endMaintenanceNotice(database.db, admin, { noticeId: 999_999, completionMessage: "?" }, NOW)).rejects.toThrow(
      "was not found",
    );
  });

  it("tells the admin, next to the start field, that the start is in the past", async () => {
    const error = await schedule({ message: "Late", startsAt: "2026-12-01T11:00", endsAt: "2026-12-01T13:00" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).options.field).toBe("startsAt");
  });

  it("lets the database refuse a window that ends before it starts, whoever writes it", async () => {
    await expect(
      database.db.insert(maintenanceNotices).values({
        message: "x",
        startsAt: at("2026-12-01T12:00:00Z"),
        endsAt: at("2026-12-01T11:00:00Z"),
        leadMinutes: 0,
        notifyFrom: at("2026-12-01T12:00:00Z"),
        createdBy: "sql",
      }),
    ).rejects.toSatisfy((e: unknown) => /maintenance_notices_window/.test(databaseErrorMessage(e)));
  });

  it("refuses a window that overlaps one not ended, by the start field, and takes it once that one is cancelled", async () => {
    const first = await schedule({ message: "Upgrade", startsAt: "2026-12-20T10:00", endsAt: "2026-12-20T12:00" });
    const overlapping = { message: "Reindex", startsAt: "2026-12-20T11:30", endsAt: "2026-12-20T13:00" };
    const error = await schedule(overlapping).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toContain(`overlaps maintenance #${first.id}`);
    expect((error as UserFacingError).options.field).toBe("startsAt");
    // Back to back is not an overlap.
    await schedule({ message: "Right after", startsAt: "2026-12-20T12:00", endsAt: "2026-12-20T12:30" });

    const cancelled = await endMaintenanceNotice(
      database.db,
      admin,
      { noticeId: first.id, completionMessage: "Called off." },
      NOW,
    );
    expect(noticePhase(cancelled, NOW)).toBe("cancelled");
    expect((await schedule({ ...overlapping, endsAt: "2026-12-20T11:59" })).message).toBe("Reindex");
  });

  it("schedules one of two overlapping windows asked for at the same moment, and gives the other the overlap error", async () => {
    // On PostgreSQL the second admin is another app instance (its own pool); PGlite is one session.
    const other: Database = usingPostgres ? await database.openAnother() : database;
    try {
      const form = (message: string, startsAt: string) =>
        scheduleNoticeSchema.parse({ message, startsAt, endsAt: "2026-12-21T12:00", leadMinutes: "60", timeZone: "UTC" });
      const results = await Promise.allSettled([
        scheduleMaintenanceNotice(database.db, admin, form("First admin", "2026-12-21T10:00"), NOW),
        scheduleMaintenanceNotice(other.db, admin, form("Second admin", "2026-12-21T10:30"), NOW),
      ]);
      const scheduled = results.filter((r) => r.status === "fulfilled").map((r) => r.value);
      const refused = results.filter((r) => r.status === "rejected").map((r) => r.reason as unknown);
      expect(scheduled).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(UserFacingError);
      expect((refused[0] as UserFacingError).message).toBe(
        `This window overlaps maintenance #${scheduled[0].id} (${scheduled[0].startsAt.toISOString().slice(0, 16).replace("T", " ")} to 2026-12-21 12:00 UTC). Choose other times, or cancel that one first.`,
      );
      expect((refused[0] as UserFacingError).options.field).toBe("startsAt");
      const [{ n }] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(maintenanceNotices)
        .where(sql`${maintenanceNotices.startsAt} >= '2026-12-21' AND ${maintenanceNotices.startsAt} < '2026-12-22'`);
      expect(n).toBe(1);
    } finally {
      if (other !== database) await other.close();
    }
  });

  // Two transactions at once need two sessions; PGlite is one (the test above races it there).
  it.skipIf(!usingPostgres)(
    "names the window in the way when the database refuses the insert after the check passed",
    async () => {
      // The first inserts and has not committed, so the second's check sees nothing and its insert
      // waits on the exclusion constraint until the first commits.
      const other = await database.openAnother();
      try {
        const form = (message: string) =>
          scheduleNoticeSchema.parse({
            message,
            startsAt: "2026-12-22T10:00",
            endsAt: "2026-12-22T11:00",
            leadMinutes: "60",
            timeZone: "UTC",
          });
        let firstId = 0;
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let inserted!: () => void;
        const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
        const first = database.db.transaction(async (tx) => {
          firstId = (await scheduleMaintenanceNotice(tx, admin, form("First"), NOW)).id;
          inserted();
          await released;
        });
        await firstInserted;
        const second = other.db.transaction((tx) => scheduleMaintenanceNotice(tx, admin, form("Second"), NOW));
        // Let the second transaction reach the insert that waits on the first.
        await new Promise((resolve) => setTimeout(resolve, 300));
        release();
        await first;
        const error = await second.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UserFacingError);
        expect((error as UserFacingError).message).toContain(
          `overlaps maintenance #${firstId} (2026-12-22 10:00 to 2026-12-22 11:00 UTC)`,
        );
      } finally {
        await other.close();
      }
    },
  );

  it("lets the database refuse overlapping windows not ended, whoever writes them, and take the time of an ended one", async () => {
    const [first] = await database.db
      .insert(maintenanceNotices)
      .values(windowRow("Kept", "2026-12-23T10:00:00Z", "2026-12-23T11:00:00Z"))
      .returning();
    await expect(
      database.db.insert(maintenanceNotices).values(windowRow("In the way", "2026-12-23T10:59:00Z", "2026-12-23T12:00:00Z")),
    ).rejects.toSatisfy((e: unknown) => /maintenance_notices_no_overlap/.test(databaseErrorMessage(e)));
    await database.db
      .insert(maintenanceNotices)
      .values(windowRow("Back to back", "2026-12-23T11:00:00Z", "2026-12-23T12:00:00Z"));
    await endMaintenanceNotice(database.db, admin, { noticeId: first.id, completionMessage: "Called off." }, NOW);
    await database.db
      .insert(maintenanceNotices)
      .values(windowRow("In its place", "2026-12-23T10:00:00Z", "2026-12-23T10:30:00Z"));
  });

  it("adds the constraint over windows that already overlap by calling off the later ones", async () => {
    const migration = fs
      .readFileSync(path.join(MIGRATIONS_FOLDER, "0021_maintenance_windows_no_overlap.sql"), "utf8")
      .split("--> statement-breakpoint");
    const scratch = await createTestDatabase();
    try {
      // As a database was before the constraint: two windows scheduled by a race share an hour.
      await scratch.db.execute(sql`ALTER TABLE maintenance_notices DROP CONSTRAINT maintenance_notices_no_overlap`);
      const [kept, later, apart] = await scratch.db
        .insert(maintenanceNotices)
        .values([
          windowRow("Scheduled first", "2027-01-05T10:00:00Z", "2027-01-05T12:00:00Z"),
          windowRow("Scheduled second", "2027-01-05T11:00:00Z", "2027-01-05T13:00:00Z"),
          windowRow("Another day", "2027-01-06T10:00:00Z", "2027-01-06T11:00:00Z"),
        ])
        .returning();
      for (const statement of migration) await scratch.db.execute(sql.raw(statement));
      const rows = await scratch.db.select().from(maintenanceNotices).orderBy(maintenanceNotices.id);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(kept.id)!.endedAt).toBeNull();
      expect(byId.get(apart.id)!.endedAt).toBeNull();
      expect(byId.get(later.id)!.completionMessage).toBe("Called off: it overlapped another maintenance window, which is kept.");
      // It had not begun: called off is cancelled, never "over".
      expect(noticePhase(byId.get(later.id)!, new Date())).toBe("cancelled");
      await expect(
        scratch.db.insert(maintenanceNotices).values(windowRow("Again", "2027-01-05T11:30:00Z", "2027-01-05T11:45:00Z")),
      ).rejects.toSatisfy((e: unknown) => /maintenance_notices_no_overlap/.test(databaseErrorMessage(e)));
    } finally {
      await scratch.drop();
    }
  });
});
