import { describe, expect, it } from "vitest";
import { EQUIPMENT_ITEM_LABELS } from "@/lib/equipment";
import { equipmentLabel, exerciseFiltersQuery, parseExerciseFilters } from "./exercise-filters";

describe("parseExerciseFilters", () => {
  it("reads every filter from the URL", () => {
    expect(
      parseExerciseFilters({
        q: " press ",
        type: "barbell",
        muscle: "4",
        equipment: "dumbbells",
        difficulty: "2",
        fits: "1",
        page: "3",
      }),
    ).toEqual({
      q: "press",
      type: "barbell",
      muscleId: 4,
      equipment: "dumbbells",
      difficulty: 2,
      fitsMyEquipment: true,
      page: 3,
    });
  });

  it("drops values it does not know instead of failing", () => {
    expect(
      parseExerciseFilters({ type: "sled", muscle: "-1", equipment: "treadmill", difficulty: "9", page: "x", q: "" }),
    ).toEqual({
      q: undefined,
      type: undefined,
      muscleId: undefined,
      equipment: undefined,
      difficulty: undefined,
      fitsMyEquipment: false,
      page: 1,
    });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseExerciseFilters({ type: ["dumbbell", "barbell"] }).type).toBe("dumbbell");
  });
});

describe("exerciseFiltersQuery", () => {
  it("keeps the filters and resets the page when one changes", () => {
    const filters = parseExerciseFilters({ q: "row", type: "barbell", page: "4" });
    expect(exerciseFiltersQuery(filters, { difficulty: 1 })).toBe("?q=row&type=barbell&difficulty=1");
    expect(exerciseFiltersQuery(filters, { page: 5 })).toBe("?q=row&type=barbell&page=5");
    expect(exerciseFiltersQuery(parseExerciseFilters({}))).toBe("");
  });
});

describe("equipmentLabel", () => {
  it("names items, gym machines and the absence of equipment", () => {
    expect(equipmentLabel("pull_up_bar", EQUIPMENT_ITEM_LABELS)).toBe("Pull-up bar");
    expect(equipmentLabel("cable_machine", EQUIPMENT_ITEM_LABELS)).toBe("Cable machine");
    expect(equipmentLabel("none", EQUIPMENT_ITEM_LABELS)).toBe("No equipment");
  });
});
