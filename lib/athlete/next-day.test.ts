import { describe, expect, it } from "vitest";
import { nextDayAfter } from "./next-day";

describe("nextDayAfter", () => {
  it("starts with the first day", () => {
    expect(nextDayAfter([10, 11, 12], null)).toBe(10);
  });
  it("follows the last day trained and wraps round", () => {
    expect(nextDayAfter([10, 11, 12], 11)).toBe(12);
    expect(nextDayAfter([10, 11, 12], 12)).toBe(10);
  });
  it("starts over when the last day trained left the program", () => {
    expect(nextDayAfter([10, 11], 99)).toBe(10);
  });
  it("has nothing to suggest without days", () => {
    expect(nextDayAfter([], 3)).toBeNull();
  });
});
