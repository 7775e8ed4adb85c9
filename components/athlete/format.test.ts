import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatShortDay } from "./format";

describe("dates in the athlete's zone", () => {
  // 23:30 UTC on Saturday 9 November 2024: already Sunday in Tokyo, still Saturday in New York.
  const late = new Date("2024-11-09T23:30:00Z");

  it("formats each zone in its own day, however often a zone's formatter is used", () => {
    expect(formatDay(late, "Asia/Tokyo")).toBe("Sun 10 Nov");
    expect(formatDay(late, "America/New_York")).toBe("Sat 9 Nov");
    expect(formatDay(late, "Asia/Tokyo")).toBe("Sun 10 Nov");
    expect(formatDay(late, "UTC")).toBe("Sat 9 Nov");
  });

  it("keeps each style apart within a zone", () => {
    expect(formatShortDay(late, "Asia/Tokyo")).toBe("10 Nov");
    expect(formatDateTime(late, "Asia/Tokyo")).toBe("Sun 10 Nov, 08:30");
    expect(formatDay(late, "Asia/Tokyo")).toBe("Sun 10 Nov");
  });

  it("refuses a zone that does not exist, as Intl does", () => {
    expect(() => formatDay(late, "Mars/Olympus")).toThrow(RangeError);
  });
});
