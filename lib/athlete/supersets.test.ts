import { describe, expect, it } from "vitest";
import { afterSetLogged, supersetPlaces } from "./supersets";

const slots = [
  { id: "squat", supersetGroup: null },
  { id: "curl", supersetGroup: 1 },
  { id: "pushdown", supersetGroup: 1 },
  { id: "raise", supersetGroup: 2 },
  { id: "fly", supersetGroup: 2 },
  { id: "crunch", supersetGroup: 2 },
  { id: "alone", supersetGroup: 3 },
];

describe("supersets in the logger", () => {
  it("names groups in order and gives each member its place", () => {
    const places = supersetPlaces(slots);
    expect(places.get("pushdown")).toMatchObject({ label: "Superset A", position: 2, size: 2 });
    expect(places.get("crunch")).toMatchObject({ label: "Superset B", position: 3, size: 3 });
    expect(places.has("squat")).toBe(false);
    expect(places.has("alone")).toBe(false);
  });

  it("moves through the group without rest, and rests after its last exercise", () => {
    expect(afterSetLogged(slots, "curl")).toEqual({ rest: false, nextSlotId: "pushdown" });
    expect(afterSetLogged(slots, "pushdown")).toEqual({ rest: true, nextSlotId: "curl" });
    expect(afterSetLogged(slots, "fly")).toEqual({ rest: false, nextSlotId: "crunch" });
  });

  it("rests after every set of an exercise outside a superset", () => {
    expect(afterSetLogged(slots, "squat")).toEqual({ rest: true, nextSlotId: null });
    expect(afterSetLogged(slots, "alone")).toEqual({ rest: true, nextSlotId: null });
  });
});
