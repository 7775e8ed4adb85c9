import { describe, expect, it } from "vitest";
import { type FixField, fixFieldText, parseFixValue, rowFixSchema } from "./row-fix";

const json: FixField = { column: "equipment", kind: "json", nullable: true };
const name: FixField = { column: "name", kind: "text", nullable: false };
const difficulty: FixField = { column: "difficulty", kind: "integer", nullable: true };

describe("a fixed value typed into the form", () => {
  it.each([
    ['"full_gym"', "full_gym"],
    ['["dumbbells", "bench"]', ["dumbbells", "bench"]],
    ["null", null],
    ["", undefined],
  ])("reads %j in a JSON column as %j", (text, value) => {
    expect(parseFixValue(json, text)).toEqual({ ok: true, value });
  });

  it("refuses text that is not JSON in a JSON column, saying what to type", () => {
    expect(parseFixValue(json, "full_gym")).toMatchObject({ ok: false, message: expect.stringMatching(/^Enter JSON/) });
  });

  it("refuses an empty value where the column cannot be empty", () => {
    expect(parseFixValue(name, "  ")).toMatchObject({ ok: false });
    expect(parseFixValue(name, "Bench Press")).toEqual({ ok: true, value: "Bench Press" });
  });

  it("reads whole numbers and refuses anything else", () => {
    expect(parseFixValue(difficulty, "2")).toEqual({ ok: true, value: 2 });
    expect(parseFixValue(difficulty, "2.5")).toMatchObject({ ok: false, message: "Enter a whole number." });
    expect(parseFixValue(difficulty, "")).toEqual({ ok: true, value: null });
  });

  it("shows stored values as they would be typed back", () => {
    expect(fixFieldText(json, ["full_gym", "gym"])).toBe('["full_gym","gym"]');
    expect(fixFieldText(json, undefined)).toBe("");
    expect(fixFieldText(json, null)).toBe("null");
    expect(fixFieldText(difficulty, 3)).toBe("3");
  });

  it("takes the run and row ids from the form's text, with one text per column", () => {
    expect(rowFixSchema.parse({ runId: "4", rowId: "12", equipment: '"full_gym"' })).toEqual({
      runId: 4,
      rowId: 12,
      equipment: '"full_gym"',
    });
    expect(rowFixSchema.safeParse({ runId: "x", rowId: "12" }).success).toBe(false);
  });
});
