import { describe, expect, it } from "vitest";
import {
  formatWallClock,
  isTimeZone,
  safeTimeZone,
  utcStamp,
  validWallClock,
  wallClockAt,
  wallClockToInstant,
  zoneOffsetMinutes,
} from "./time-zone";

describe("zone names", () => {
  it("keeps a real zone and falls back to UTC for anything else", () => {
    expect(safeTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeTimeZone("")).toBe("UTC");
    expect(safeTimeZone(undefined)).toBe("UTC");
  });

  it("knows a zone by its IANA name, and nothing longer than any of them", () => {
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Europe/Nowhere")).toBe(false);
    expect(isTimeZone(`Europe/${"x".repeat(64)}`)).toBe(false);
  });
});

describe("time zones", () => {
  it("reads the clock in a zone at an instant, and the zone's offset then", () => {
    const instant = Date.parse("2024-07-05T16:00:30Z");
    expect(wallClockAt(instant, "Europe/Berlin")).toEqual({ year: 2024, month: 7, day: 5, hour: 18, minute: 0, second: 30 });
    expect(zoneOffsetMinutes(instant, "Europe/Berlin")).toBe(120);
    expect(zoneOffsetMinutes(Date.parse("2024-01-05T16:00:00Z"), "Europe/Berlin")).toBe(60);
    expect(zoneOffsetMinutes(instant, "Asia/Kolkata")).toBe(330);
    expect(zoneOffsetMinutes(instant, "America/New_York")).toBe(-240);
  });

  it("gives back the instant it was read from, whatever the zone", () => {
    for (const zone of ["UTC", "Europe/Paris", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Kiritimati"]) {
      for (const iso of ["2026-01-15T08:45:00Z", "2026-06-30T23:59:59Z", "2026-03-29T01:30:00Z"]) {
        expect(wallClockToInstant(wallClockAt(Date.parse(iso), zone), zone).toISOString(), `${iso} in ${zone}`).toBe(
          new Date(iso).toISOString(),
        );
      }
    }
  });

  it("reads a time the clock skips with the offset before the change", () => {
    // Paris jumps from 02:00 to 03:00 on 29 March 2026: 02:30 is read as CET, 01:30 UTC.
    expect(
      wallClockToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, "Europe/Paris").toISOString(),
    ).toBe("2026-03-29T01:30:00.000Z");
  });

  it("knows which dates and times exist", () => {
    expect(validWallClock({ year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 0 })).not.toBeNull();
    expect(validWallClock({ year: 2023, month: 2, day: 29, hour: 12, minute: 0, second: 0 })).toBeNull();
    expect(validWallClock({ year: 2023, month: 5, day: 1, hour: 24, minute: 0, second: 0 })).toBeNull();
    expect(validWallClock({ year: 2023, month: 5, day: 1, hour: 10, minute: 60, second: 0 })).toBeNull();
  });

  it("writes a clock as export files and datetime-local inputs do", () => {
    const t = { year: 2024, month: 3, day: 5, hour: 8, minute: 2, second: 1 };
    expect(formatWallClock(t)).toBe("2024-03-05 08:02:01");
    expect(formatWallClock(t, { separator: "T", seconds: false })).toBe("2024-03-05T08:02");
  });
});

describe("UTC stamps for admins", () => {
  it("reads the same whatever the zone it is made in, to the minute or the second", () => {
    const instant = new Date("2026-12-06T17:43:05.120+01:00");
    expect(utcStamp(instant)).toBe("2026-12-06 16:43");
    expect(utcStamp(instant, true)).toBe("2026-12-06 16:43:05");
  });
});
