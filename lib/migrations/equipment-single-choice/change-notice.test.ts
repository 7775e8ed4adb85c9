import { describe, expect, it } from "vitest";
import { describeEquipmentChange } from "./change-notice";

describe("describeEquipmentChange", () => {
  it("says a legacy list became its highest choice", () => {
    expect(
      describeEquipmentChange(
        { equipment: ["no_equipment", "full_gym"], equipment_items: null },
        { equipment: "full_gym", equipment_items: [] },
      ),
    ).toBe("Your equipment answer was a list (no equipment, full gym); it is now Full gym.");
  });

  it("names the items a full gym answer cleared", () => {
    expect(
      describeEquipmentChange(
        { equipment: ["basic_equipment", "full_gym"], equipment_items: ["dumbbells"] },
        { equipment: "full_gym", equipment_items: [] },
      ),
    ).toMatch(
      /^Your equipment answer was a list \(basic equipment at home, full gym\); it is now Full gym\. The items you listed \(Dumbbells\) were cleared/,
    );
  });

  it("asks a flagged athlete to re-assess, whether or not the answer changed", () => {
    expect(
      describeEquipmentChange(
        { equipment: ["basic_equipment"], equipment_items: null, needs_reassessment: false },
        { equipment: "basic_equipment", needs_reassessment: true },
      ),
    ).toBe(
      "Your equipment answer was a list (basic equipment at home); it is now Basic equipment at home. Please tell us which equipment you have, so your program fits it.",
    );
    expect(
      describeEquipmentChange({ equipment: "basic_equipment", needs_reassessment: false }, { needs_reassessment: true }),
    ).toMatch(/^Your answer says basic equipment without listing any/);
  });

  it("says nothing when nothing the athlete answered changed", () => {
    expect(describeEquipmentChange({}, {})).toBeNull();
  });
});
