import { describe, expect, it } from "vitest";
import { idOrNotFound, idSchema, MAX_ID, parseId } from "./ids";

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
