import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { dayAfter, fitRangeSchema, RANGE_MESSAGES } from "./range";

const errors = (input: unknown) => {
  const parsed = fitRangeSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>).fieldErrors;
};

describe("the days of a FIT zip", () => {
  it("accepts a day, a month and a leap year's 366 days", () => {
    expect(fitRangeSchema.parse({ from: " 2026-03-05 ", to: "2026-03-05" })).toEqual({ from: "2026-03-05", to: "2026-03-05" });
    expect(errors({ from: "2024-01-01", to: "2024-12-31" })).toEqual({});
  });

  it.each([
    [{ from: "", to: "2026-03-05" }, { from: [RANGE_MESSAGES.from] }],
    [{ from: "2026-02-30", to: "2026-03-05" }, { from: [RANGE_MESSAGES.from] }],
    [
      { from: "05/03/2026", to: "nope" },
      { from: [RANGE_MESSAGES.from], to: [RANGE_MESSAGES.to] },
    ],
    [{ to: "2026-03-05" }, { from: [RANGE_MESSAGES.from] }],
    [{ from: "2026-03-06", to: "2026-03-05" }, { to: [RANGE_MESSAGES.order] }],
    [{ from: "2025-01-01", to: "2026-01-02" }, { to: [RANGE_MESSAGES.length] }],
  ])("refuses %j beside its field", (input, expected) => {
    expect(errors(input)).toEqual(expected);
  });

  it("steps to the next day across months and years", () => {
    expect(dayAfter("2024-02-28")).toBe("2024-02-29");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
  });
});
