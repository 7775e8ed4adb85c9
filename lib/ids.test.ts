import { describe, expect, it } from "vitest";
import { formId, idOrNotFound, idSchema, jsonId, MAX_ID, parseId } from "./ids";

describe("parseId", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    [String(MAX_ID), MAX_ID],
  ])("reads %s as %i", (text, id) => {
    expect(parseId(text)).toBe(id);
  });

  it.each(["", "0", "-1", "1.5", "1e3", " 7", "abc", String(MAX_ID + 1), "99999999999"])("refuses %j", (text) => {
    expect(parseId(text)).toBeUndefined();
  });
});

describe("idOrNotFound", () => {
  it("answers 404 naming what was asked for", () => {
    expect(() => idOrNotFound("x", "That migration run")).toThrow("That migration run was not found.");
    expect(idOrNotFound("12", "That migration run")).toBe(12);
  });
});

describe("idSchema", () => {
  it("takes form text and refuses ids beyond int4", () => {
    expect(idSchema.parse("12")).toBe(12);
    expect(idSchema.safeParse(String(MAX_ID + 1)).success).toBe(false);
    expect(idSchema.safeParse("0").success).toBe(false);
  });
});

describe("formId and jsonId", () => {
  it("bound every id to int4 with the field's own message", () => {
    const previewRun = formId("Preview the migration first.");
    expect(previewRun.parse("7")).toBe(7);
    expect(previewRun.safeParse(String(MAX_ID + 1)).error?.issues[0].message).toBe("Preview the migration first.");
    expect(jsonId().parse(MAX_ID)).toBe(MAX_ID);
    expect(jsonId().safeParse(MAX_ID + 1).success).toBe(false);
    expect(jsonId().safeParse(2 ** 53).success).toBe(false);
  });

  it("jsonId does not coerce text or booleans", () => {
    expect(jsonId().safeParse("7").success).toBe(false);
    expect(jsonId().safeParse(true).success).toBe(false);
  });
});
