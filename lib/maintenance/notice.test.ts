import { describe, expect, it } from "vitest";
import { instantToLocalDateTime, localDateTimeToInstant, scheduleNoticeSchema, scheduleWindow } from "./notice";
import { COMPLETION_VISIBLE_MS, type NoticeTimes, nextNoticeChange, noticePhase, noticeVisible } from "./phase";

const at = (iso: string) => new Date(iso);
const notice: NoticeTimes = {
  notifyFrom: at("2026-12-01T01:00:00Z"),
  startsAt: at("2026-12-02T01:00:00Z"),
  endsAt: at("2026-12-02T03:00:00Z"),
  endedAt: null,
};

describe("noticePhase", () => {
  it.each([
    ["2026-12-01T00:59:59Z", "scheduled"],
    ["2026-12-01T01:00:00Z", "announced"],
    ["2026-12-02T00:59:59Z", "announced"],
    ["2026-12-02T01:00:00Z", "in_progress"],
    ["2026-12-02T02:59:59Z", "in_progress"],
    ["2026-12-02T03:00:00Z", "over"],
  ])("at %s the notice is %s", (now, phase) => {
    expect(noticePhase(notice, at(now))).toBe(phase);
  });

  it("shows the completion message for an hour after an admin ends the window early", () => {
    const ended = { ...notice, endedAt: at("2026-12-02T02:00:00Z") };
    expect(noticePhase(ended, at("2026-12-02T02:00:00Z"))).toBe("completed");
    expect(noticePhase(ended, at("2026-12-02T02:59:59Z"))).toBe("completed");
    expect(noticePhase(ended, new Date(ended.endedAt.getTime() + COMPLETION_VISIBLE_MS))).toBe("over");
  });

  it("is cancelled, and stays silent, when cancelled before anyone was told", () => {
    const cancelled = { ...notice, endedAt: at("2026-11-30T12:00:00Z") };
    expect(noticePhase(cancelled, at("2026-11-30T12:00:01Z"))).toBe("cancelled");
    expect(noticeVisible(cancelled, at("2026-11-30T12:00:01Z"))).toBe(false);
    expect(noticePhase(cancelled, at("2026-12-02T01:30:00Z"))).toBe("cancelled");
  });

  it("is cancelled, never over, when cancelled after it was announced: users see the cancellation for an hour", () => {
    const cancelled = { ...notice, endedAt: at("2026-12-01T12:00:00Z") };
    expect(noticePhase(cancelled, at("2026-12-01T12:30:00Z"))).toBe("cancelled");
    expect(noticeVisible(cancelled, at("2026-12-01T12:30:00Z"))).toBe(true);
    expect(noticeVisible(cancelled, new Date(cancelled.endedAt.getTime() + COMPLETION_VISIBLE_MS))).toBe(false);
    expect(noticePhase(cancelled, at("2026-12-02T04:00:00Z"))).toBe("cancelled");
  });
});

describe("nextNoticeChange", () => {
  it("wakes the banner at the start, at the end, then never", () => {
    expect(nextNoticeChange(notice, at("2026-12-01T12:00:00Z"))).toEqual(notice.startsAt);
    expect(nextNoticeChange(notice, at("2026-12-02T02:00:00Z"))).toEqual(notice.endsAt);
    expect(nextNoticeChange(notice, at("2026-12-02T04:00:00Z"))).toBeNull();
  });
  it("clears an ended notice an hour after it ended", () => {
    const ended = { ...notice, endedAt: at("2026-12-02T02:00:00Z") };
    expect(nextNoticeChange(ended, at("2026-12-02T02:10:00Z"))).toEqual(at("2026-12-02T03:00:00Z"));
  });
});

describe("localDateTimeToInstant", () => {
  it("reads the wall clock in the admin's zone, across a DST change", () => {
    expect(localDateTimeToInstant("2026-12-02T02:00", "UTC")?.toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(localDateTimeToInstant("2026-12-02T02:00", "Europe/Paris")?.toISOString()).toBe("2026-12-02T01:00:00.000Z");
    expect(localDateTimeToInstant("2026-07-02T02:00", "Europe/Paris")?.toISOString()).toBe("2026-07-02T00:00:00.000Z");
    expect(localDateTimeToInstant("2026-03-29T04:00", "Europe/Paris")?.toISOString()).toBe("2026-03-29T02:00:00.000Z");
    expect(localDateTimeToInstant("2026-12-02T09:30", "America/New_York")?.toISOString()).toBe("2026-12-02T14:30:00.000Z");
  });
  it("refuses text that is not a real time", () => {
    expect(localDateTimeToInstant("2026-02-30T10:00", "UTC")).toBeNull();
    expect(localDateTimeToInstant("tomorrow", "UTC")).toBeNull();
    expect(localDateTimeToInstant("2026-12-02T25:00", "UTC")).toBeNull();
  });
  it("round-trips with instantToLocalDateTime", () => {
    const instant = at("2026-12-02T14:30:00Z");
    expect(localDateTimeToInstant(instantToLocalDateTime(instant, "Asia/Kolkata"), "Asia/Kolkata")).toEqual(instant);
  });
});

describe("scheduling", () => {
  const form = {
    message: " Upgrading the database ",
    startsAt: "2026-12-02T01:00",
    endsAt: "2026-12-02T03:00",
    leadMinutes: "60",
  };

  it("trims the message and reads the lead time the form sends as text", () => {
    const parsed = scheduleNoticeSchema.parse(form);
    expect(parsed).toMatchObject({ message: "Upgrading the database", leadMinutes: 60 });
  });

  it("says, next to the field, that the end must come after the start", () => {
    const result = scheduleNoticeSchema.safeParse({ ...form, endsAt: "2026-12-02T00:30" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["endsAt"], message: "The maintenance must end after it starts." });
  });

  it("refuses a lead time that is not on the list, and an empty message", () => {
    expect(scheduleNoticeSchema.safeParse({ ...form, leadMinutes: "7" }).error?.issues[0].path).toEqual(["leadMinutes"]);
    expect(scheduleNoticeSchema.safeParse({ ...form, message: "  " }).error?.issues[0].path).toEqual(["message"]);
  });

  it("tells users from the lead time before the start", () => {
    const window = scheduleWindow(scheduleNoticeSchema.parse(form), "UTC", at("2026-12-01T00:00:00Z"));
    expect(window).toEqual({
      ok: true,
      startsAt: at("2026-12-02T01:00:00Z"),
      endsAt: at("2026-12-02T03:00:00Z"),
      notifyFrom: at("2026-12-02T00:00:00Z"),
    });
  });

  it("refuses a start in the past", () => {
    const window = scheduleWindow(scheduleNoticeSchema.parse(form), "UTC", at("2026-12-02T01:05:00Z"));
    expect(window).toMatchObject({ ok: false, field: "startsAt" });
  });
});
