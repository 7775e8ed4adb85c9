import { describe, expect, it } from "vitest";
import { parseSetTime, setTimeText } from "./set-time";

describe("parseSetTime", () => {
  it.each<[string, number | null]>([
    ["", null],
    ["  ", null],
    ["90", 90],
    ["45", 45],
    ["1:30", 90],
    [" 1:30 ", 90],
    ["0:45", 45],
    ["10:00", 600],
    ["1:02:03", 3723],
    ["9:59:59", 35_999],
    ["24:00:00", 86_400],
    ["1.30", 90],
    ["1.02.03", 3723],
    ["90:00", 5400],
  ])("reads %j as %s seconds", (text, seconds) => {
    expect(parseSetTime(text)).toBe(seconds);
  });

  it.each(["1:3", "1:60", "1:30:", ":30", "1.5", "45.5", "1:2:3:4", "-5", "1m30", "abc", "1,30"])("cannot read %j", (text) => {
    expect(parseSetTime(text)).toBeNaN();
  });
});

describe("setTimeText", () => {
  it.each<[number, string]>([
    [45, "45"],
    [59, "59"],
    [60, "1:00"],
    [90, "1:30"],
    [600, "10:00"],
    [3723, "1:02:03"],
    [35_999, "9:59:59"],
  ])("shows %s seconds as %j", (seconds, text) => {
    expect(setTimeText(seconds)).toBe(text);
  });

  it("reads back every time it shows", () => {
    for (const seconds of [1, 59, 60, 61, 599, 3599, 3600, 3661, 86_400])
      expect(parseSetTime(setTimeText(seconds))).toBe(seconds);
  });
});
