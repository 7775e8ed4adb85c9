import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
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
});
