import { describe, expect, it } from "vitest";
import { plateSetupFor, plateSetupSchema } from "./plate-setup";

describe("plateSetupSchema", () => {
  it("reads the profile form: one ticked plate arrives as a string, several as a list, sorted heaviest first", () => {
    expect(plateSetupSchema.parse({ unit: "kg", bar: "15", plates: "10" })).toEqual({ unit: "kg", bar: 15, plates: [10] });
    expect(plateSetupSchema.parse({ unit: "lb", bar: "45", plates: ["2.5", "45", "10", "45"] })).toEqual({
      unit: "lb",
      bar: 45,
      plates: [45, 10, 2.5],
    });
  });

  it("refuses no plates, plates not sold in the unit, and an impossible bar, by the field", () => {
    const errors = (input: object) => plateSetupSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(errors({ unit: "kg", bar: "20" })).toEqual([["plates", "Tick at least one plate you have."]]);
    expect(errors({ unit: "kg", bar: "20", plates: ["45"] })).toEqual([["plates", "Choose plates from the list."]]);
    expect(errors({ unit: "kg", bar: "80", plates: ["20"] })).toEqual([["bar", "A bar weighs at most 50 kg."]]);
    expect(errors({ unit: "kg", bar: "heavy", plates: ["20"] })?.[0][0]).toBe("bar");
  });
});

describe("plateSetupFor", () => {
  it("uses the saved setup in its own unit, and the standard one after a switch of units", () => {
    const saved = { unit: "kg" as const, bar: 15, plates: [10, 5] };
    expect(plateSetupFor(saved, "kg")).toBe(saved);
    expect(plateSetupFor(saved, "lb")).toEqual({ unit: "lb", bar: 45, plates: [45, 35, 25, 10, 5, 2.5] });
    expect(plateSetupFor(null, "kg")).toMatchObject({ bar: 20 });
  });
});
