import { describe, expect, it } from "vitest";
import { addMonths, calendarDayIn, formatYearMonth, monthGrid, parseYearMonth } from "./calendar";

describe("monthGrid", () => {
  it("starts weeks on Monday and pads with the neighbouring months", () => {
    // 1 March 2025 was a Saturday.
    const weeks = monthGrid({ year: 2025, month: 3 });
    expect(weeks[0].map((d) => d.date)).toEqual([
      "2025-02-24",
      "2025-02-25",
      "2025-02-26",
      "2025-02-27",
      "2025-02-28",
      "2025-03-01",
      "2025-03-02",
    ]);
    expect(weeks[0][4].inMonth).toBe(false);
    expect(weeks[0][5]).toEqual({ date: "2025-03-01", day: 1, inMonth: true });
    expect(weeks).toHaveLength(6);
    expect(weeks.at(-1)!.at(-1)!.date).toBe("2025-04-06");
  });

  it("needs only four weeks for a February that starts on Monday", () => {
    expect(monthGrid({ year: 2027, month: 2 })).toHaveLength(4);
  });

  it("knows leap years", () => {
    const days = monthGrid({ year: 2024, month: 2 })
      .flat()
      .filter((d) => d.inMonth);
    expect(days).toHaveLength(29);
  });
});

describe("year-month helpers", () => {
  it("parses and formats YYYY-MM", () => {
    expect(parseYearMonth("2025-03")).toEqual({ year: 2025, month: 3 });
    expect(parseYearMonth("2025-13")).toBeNull();
    expect(parseYearMonth("march")).toBeNull();
    expect(parseYearMonth(undefined)).toBeNull();
    expect(formatYearMonth({ year: 2025, month: 3 })).toBe("2025-03");
  });

  it("steps across years", () => {
    expect(addMonths({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 });
    expect(addMonths({ year: 2025, month: 1 }, -1)).toEqual({ year: 2024, month: 12 });
  });
});

describe("calendarDayIn", () => {
  it("puts a late-evening session on the athlete's own day", () => {
    const instant = new Date("2025-03-02T03:30:00Z");
    expect(calendarDayIn(instant, "UTC")).toBe("2025-03-02");
    expect(calendarDayIn(instant, "America/New_York")).toBe("2025-03-01");
  });
});
