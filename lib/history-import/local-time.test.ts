import { describe, expect, it } from "vitest";
import { dateReadings, monthReader, parseDayMonthWallClock, parseDurationText, parseIsoWallClock } from "./local-time";
import { wallClockToInstant } from "@/lib/time-zone";

describe("wall-clock times", () => {
  it("reads Strong's and Hevy's formats", () => {
    expect(parseIsoWallClock("2024-03-05 18:02:11")).toEqual({ year: 2024, month: 3, day: 5, hour: 18, minute: 2, second: 11 });
    expect(parseDayMonthWallClock("5 Mar 2024, 18:02")).toEqual({ year: 2024, month: 3, day: 5, hour: 18, minute: 2, second: 0 });
    expect(parseDayMonthWallClock("15 September 2024, 07:30")).toMatchObject({ month: 9, day: 15 });
  });

  it.each(["2024-02-30 10:00:00", "2024-13-01 10:00", "05/03/2024 18:02", "", "yesterday"])("refuses %j", (text) => {
    expect(parseIsoWallClock(text)).toBeNull();
    expect(parseDayMonthWallClock(text)).toBeNull();
  });

  it("reads a time in the athlete's time zone, summer time included", () => {
    const t = parseIsoWallClock("2024-03-05 18:02:11")!;
    expect(wallClockToInstant(t, "UTC").toISOString()).toBe("2024-03-05T18:02:11.000Z");
    expect(wallClockToInstant(t, "Europe/Berlin").toISOString()).toBe("2024-03-05T17:02:11.000Z");
    expect(wallClockToInstant(parseIsoWallClock("2024-07-05 18:00")!, "Europe/Berlin").toISOString()).toBe(
      "2024-07-05T16:00:00.000Z",
    );
    expect(wallClockToInstant(parseIsoWallClock("2024-07-05 18:00")!, "America/New_York").toISOString()).toBe(
      "2024-07-05T22:00:00.000Z",
    );
  });

  it("reads the repeated hour of a clock change as its first pass", () => {
    // Berlin repeats 02:00-03:00 on 27 Oct 2024: 02:30 happens first at 00:30 UTC.
    expect(wallClockToInstant(parseIsoWallClock("2024-10-27 02:30")!, "Europe/Berlin").toISOString()).toBe(
      "2024-10-27T00:30:00.000Z",
    );
  });
});

describe("parseDurationText", () => {
  it.each([
    ["1h 5m", 3900],
    ["45m", 2700],
    ["1h", 3600],
    ["30s", 30],
    ["1h 2m 3s", 3723],
    ["52min", 3120],
  ])("reads %j as %i seconds", (text, seconds) => {
    expect(parseDurationText(text)).toBe(seconds);
  });

  it.each(["", "soon", "1:05", "-5m"])("has no duration for %j", (text) => {
    expect(parseDurationText(text)).toBeNull();
  });
});

describe("dates in the file's language", () => {
  it.each([
    ["11 Nis 2026, 13:05", { year: 2026, month: 4, day: 11, hour: 13, minute: 5 }],
    ["3 Ağu 2024, 07:00", { month: 8, day: 3 }],
    ["5 Mai 2026, 07:34", { month: 5, day: 5 }],
    ["5 fev. 2026, 07:34", { month: 2 }],
    ["5 SEPT 2026, 07:34", { month: 9 }],
  ])("reads %j", (text, expected) => {
    expect(parseDayMonthWallClock(text)).toMatchObject(expected);
  });

  it("keeps to the one language that explains every month of a file", () => {
    const months = monthReader();
    expect(parseDayMonthWallClock("5 Mar 2026, 07:34", months)).toMatchObject({ month: 3 });
    expect(months.locales).toContain("en");
    expect(parseDayMonthWallClock("5 Eki 2026, 07:34", months)).toMatchObject({ month: 10 });
    expect(months.locales).toEqual(["tr"]);
    // "Oct" is English, not Turkish: this file's dates are Turkish.
    expect(parseDayMonthWallClock("5 Oct 2026, 07:34", months)).toBeNull();
  });
});

describe("durations in the app's language", () => {
  it.each([
    ["1小时13分钟", 4380],
    ["45分钟", 2700],
    ["1h 5min", 3900],
    ["234h 29m", 844_140],
  ])("reads %j as %i seconds", (text, seconds) => {
    expect(parseDurationText(text)).toBe(seconds);
  });
});

describe("dates that read two ways", () => {
  const readingsOf = (...dates: string[]) => {
    const months = monthReader();
    for (const date of dates) expect(parseDayMonthWallClock(date, months)).not.toBeNull();
    return dateReadings(months).map((r) => [r.locale, r.months]);
  };

  it.each([
    { case: "English", dates: ["5 Mar 2026, 07:34", "9 Oct 2026, 07:34"], readings: [["en", { mar: 3, oct: 10 }]] },
    {
      case: "Turkish (its names are Turkish alone)",
      dates: ["11 Nis 2026, 13:05"],
      readings: [["tr", { nis: 4 }]],
    },
    {
      case: "Polish or Czech November, or Croatian October",
      dates: ["3 lis 2025, 18:00", "30 lis 2025, 18:00"],
      readings: [
        ["pl", { lis: 11 }],
        ["hr", { lis: 10 }],
      ],
    },
    {
      case: "Polish, once December's name is there too",
      dates: ["3 lis 2025, 18:00", "3 gru 2025, 18:00"],
      readings: [["pl", { gru: 12, lis: 11 }]],
    },
  ])("reads $case", ({ dates, readings }) => {
    expect(readingsOf(...dates)).toEqual(readings);
  });

  it("reads a month as written beside a day (Russian “января”)", () => {
    expect(parseDayMonthWallClock("5 января 2026, 07:34")).toMatchObject({ month: 1, day: 5 });
  });
});
