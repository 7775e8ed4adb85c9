import { describe, expect, it } from "vitest";
import { assessmentStatus } from "./assessment-status";

describe("assessmentStatus", () => {
  it.each([
    [null, "none"],
    [{ equipment: "full_gym", needsReassessment: false }, "current"],
    [{ equipment: "basic_equipment", needsReassessment: true }, "needs_reassessment"],
    [{ equipment: ["full_gym", "no_equipment"], needsReassessment: false }, "legacy_format"],
    [{ equipment: "home_gym", needsReassessment: false }, "invalid"],
    [{ equipment: null, needsReassessment: false }, "invalid"],
  ] as const)("%j is %s", (assessment, expected) => {
    expect(assessmentStatus(assessment)).toBe(expected);
  });
});
