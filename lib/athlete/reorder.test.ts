import { describe, expect, it } from "vitest";
import { moveInOrder } from "./reorder";

describe("moveInOrder", () => {
  it("moves an item one place up", () => {
    expect(moveInOrder([1, 2, 3], 3, "up")).toEqual([1, 3, 2]);
  });
  it("moves an item one place down", () => {
    expect(moveInOrder([1, 2, 3], 1, "down")).toEqual([2, 1, 3]);
  });
  it("leaves the first item first when moved up, and the last last when moved down", () => {
    expect(moveInOrder([1, 2, 3], 1, "up")).toEqual([1, 2, 3]);
    expect(moveInOrder([1, 2, 3], 3, "down")).toEqual([1, 2, 3]);
  });
  it("ignores an id that is not in the list", () => {
    expect(moveInOrder([1, 2], 9, "up")).toEqual([1, 2]);
  });
  it("does not change the list it was given", () => {
    const ids = [1, 2, 3];
    moveInOrder(ids, 2, "up");
    expect(ids).toEqual([1, 2, 3]);
  });
});
