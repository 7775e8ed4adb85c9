import { describe, expect, it } from "vitest";
import { findUnsafeText, hasUnsafeCharacters } from "./text";

describe("hasUnsafeCharacters", () => {
  it.each(["Bench day", "line one\nline two\r\n\tindented", "Übung 💪 (emoji are surrogate pairs)", ""])(
    "passes ordinary text %j",
    (text) => {
      expect(hasUnsafeCharacters(text)).toBe(false);
    },
  );

  it.each([
    "a\u0000b",
    "\u0007bell",
    "esc\u001b[31m",
    "del\u007f",
    "lone high \ud800",
    "lone low \udc00 here",
    "reversed \udc00\ud800",
  ])("refuses %j", (text) => {
    expect(hasUnsafeCharacters(text)).toBe(true);
  });
});

describe("findUnsafeText", () => {
  it("names the field, the way the logger shows errors", () => {
    expect(findUnsafeText({ name: "Legs", sets: [{ reps: 5 }, { notes: "ok" }, { notes: "x\u0000" }] })).toBe("sets.2.notes");
    expect(findUnsafeText({ name: "Legs", notes: "fine" })).toBeUndefined();
    expect(findUnsafeText("\u0000")).toBe("");
  });

  it("checks object keys too (jsonb refuses them as well)", () => {
    expect(findUnsafeText({ ["k\u0000"]: 1 })).toBe("form");
  });

  it("walks a body nested far deeper than the call stack", () => {
    let deep: unknown = "bad\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toMatch(/^0(\.0)*$/);
  });
});
