import { describe, expect, it } from "vitest";
import { formatRowCursor, parseRowCursor } from "./cursor";

describe("row cursors", () => {
  it.each([
    ["12", 1, [12]],
    ["3,7", 2, [3, 7]],
    ["0", 1, [0]],
  ])("reads %s as a %i-column key", (cursor, length, expected) => {
    expect(parseRowCursor(cursor, length)).toEqual(expected);
  });

  it.each([
    [undefined, 1],
    ["", 1],
    ["3,7", 1],
    ["12", 2],
    ["-1", 1],
    ["1.5", 1],
    ["abc", 1],
    ["1;DROP TABLE users", 1],
    ["9999999999999999999", 1],
  ])("ignores the cursor %j for a %i-column key", (cursor, length) => {
    expect(parseRowCursor(cursor, length)).toBeNull();
  });

  it("round-trips a key", () => {
    expect(parseRowCursor(formatRowCursor([3, 7]), 2)).toEqual([3, 7]);
  });
});
