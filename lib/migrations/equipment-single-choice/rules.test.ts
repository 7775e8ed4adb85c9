import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyOutcome } from "@/lib/migrations/outcome";
import {
  type AssessmentColumns,
  type AssessmentOutcome,
  BASIC_WITHOUT_ITEMS_REASON,
  classifyAssessment,
  highestEquipmentChoice,
} from "./rules";

const answer = (equipment: unknown, equipmentItems?: unknown, needsReassessment = false): AssessmentColumns => ({
  equipment,
  equipmentItems,
  needsReassessment,
  reassessmentReason: null,
  flaggedAt: null,
  flaggedByRunId: null,
});

describe("rule 1: equipment is a JSON string", () => {
  it.each([
    ["full_gym", null],
    ["full_gym", ["dumbbells"]],
    ["no_equipment", []],
    ["no_equipment", undefined],
    ["basic_equipment", ["dumbbells", "bench"]],
    ["basic_equipment", [""]],
  ])("skips a valid choice %j with items %j: nothing changes", (equipment, items) => {
    expect(classifyAssessment(answer(equipment, items))).toEqual({ status: "skipped" });
  });

  it.each([
    ["SQL NULL", undefined],
    ["JSON null", null],
    ["an empty list", []],
  ])("flags basic_equipment with items as %s", (_label, items) => {
    expect(classifyAssessment(answer("basic_equipment", items))).toMatchObject({
      status: "flagged",
      after: { needsReassessment: true, reassessmentReason: BASIC_WITHOUT_ITEMS_REASON },
      reason: BASIC_WITHOUT_ITEMS_REASON,
    });
  });

  it("uses the exact reason the operator guide names", () => {
    expect(BASIC_WITHOUT_ITEMS_REASON).toBe("Basic equipment without specific items - user needs to re-assess");
  });

  it("skips basic_equipment without items when the athlete is already flagged", () => {
    expect(classifyAssessment(answer("basic_equipment", [], true))).toEqual({ status: "skipped" });
  });

  it.each(["Full_Gym", "full_gym ", " full_gym", "FULL_GYM", "gym", "", "basic equipment", "no-equipment"])(
    "reports %j as an error: names match exactly, no trimming or case folding",
    (equipment) => {
      const outcome = classifyAssessment(answer(equipment));
      expect(outcome.status).toBe("error");
      expect(outcome.status === "error" && outcome.reason).toContain(JSON.stringify(equipment));
    },
  );
});

describe("rule 2: equipment is a JSON list (the legacy format)", () => {
  it.each([
    [["basic_equipment", "full_gym"], "full_gym"],
    [["full_gym", "no_equipment"], "full_gym"],
    [["no_equipment", "basic_equipment", "full_gym"], "full_gym"],
    [["full_gym"], "full_gym"],
    [["full_gym", "full_gym"], "full_gym"],
    [["no_equipment"], "no_equipment"],
    [["no_equipment", "no_equipment"], "no_equipment"],
  ])("converts %j to %s and clears the items", (equipment, expected) => {
    expect(classifyAssessment(answer(equipment, ["dumbbells"]))).toEqual({
      status: "migrated",
      before: { equipment, equipmentItems: ["dumbbells"] },
      after: { equipment: expected, equipmentItems: [] },
    });
  });

  it.each([
    [["basic_equipment"]],
    [["basic_equipment", "no_equipment"]],
    [["no_equipment", "basic_equipment", "basic_equipment"]],
  ])("converts %j to basic_equipment and keeps the items", (equipment) => {
    expect(classifyAssessment(answer(equipment, ["kettlebells"]))).toEqual({
      status: "migrated",
      before: { equipment, equipmentItems: ["kettlebells"] },
      after: { equipment: "basic_equipment" },
    });
  });

  it.each([
    ["SQL NULL", undefined],
    ["JSON null", null],
    ["an empty list", []],
  ])("converts to basic_equipment and flags when the items are %s", (_label, items) => {
    expect(classifyAssessment(answer(["basic_equipment", "no_equipment"], items))).toMatchObject({
      status: "flagged",
      reason: BASIC_WITHOUT_ITEMS_REASON,
      after: { equipment: "basic_equipment", needsReassessment: true },
    });
  });

  it("still converts and flags a list without items when the athlete is already flagged", () => {
    expect(classifyAssessment(answer(["basic_equipment"], null, true))).toMatchObject({
      status: "flagged",
      after: { equipment: "basic_equipment" },
    });
  });

  it.each([
    [[], "equipment is an empty list"],
    [["full_gym", "gym"], 'equipment list contains "gym"'],
    [["Full_Gym"], 'equipment list contains "Full_Gym"'],
    [["full_gym", null], "equipment list contains null"],
    [["full_gym", 1], "equipment list contains 1"],
    [["full_gym", ["no_equipment"]], 'equipment list contains ["no_equipment"]'],
  ])("reports %j as an error", (equipment, message) => {
    const outcome = classifyAssessment(answer(equipment));
    expect(outcome.status).toBe("error");
    expect(outcome.status === "error" && outcome.reason).toContain(message);
  });
});

describe("rule 3: equipment of any other type", () => {
  it.each([
    ["SQL NULL", undefined, "equipment is null"],
    ["JSON null", null, "equipment is null"],
    ["a number", 42, "equipment is the number 42"],
    ["an object", { full_gym: true }, "equipment is an object"],
    ["a boolean", true, "equipment is the boolean true"],
  ])("reports %s as an error", (_label, equipment, message) => {
    const outcome = classifyAssessment(answer(equipment));
    expect(outcome).toMatchObject({ status: "error", reason: expect.stringContaining(message) });
  });
});

describe("rule 4: equipment_items", () => {
  it.each([
    ["text", "dumbbells", "equipment_items is the text"],
    ["a number", 3, "equipment_items is the number 3"],
    ["an object", { dumbbells: true }, "equipment_items is an object"],
    ["a boolean", false, "equipment_items is the boolean false"],
    ["a list holding a number", ["dumbbells", 2], "equipment_items contains the number 2"],
    ["a list holding null", [null], "equipment_items contains null"],
  ])("reports items that are %s as an error, whatever the equipment", (_label, items, message) => {
    for (const equipment of ["full_gym", ["full_gym"], "basic_equipment"]) {
      expect(classifyAssessment(answer(equipment, items))).toMatchObject({
        status: "error",
        reason: expect.stringContaining(message),
      });
    }
  });
});

describe("the outcome's keys", () => {
  it("are the row's properties: a SQL column name does not type-check (tsc runs on the tests)", () => {
    // @ts-expect-error equipment_items is the column's SQL name; the row property is equipmentItems.
    const wrong: AssessmentOutcome = { status: "migrated", before: {}, after: { equipment_items: [] } };
    const right: AssessmentOutcome = { status: "migrated", before: {}, after: { equipmentItems: [] } };
    expect([wrong.status, right.status]).toEqual(["migrated", "migrated"]);
  });
});

describe("highestEquipmentChoice", () => {
  it("follows full_gym > basic_equipment > no_equipment", () => {
    expect(highestEquipmentChoice(["no_equipment", "basic_equipment"])).toBe("basic_equipment");
    expect(highestEquipmentChoice(["basic_equipment", "full_gym", "no_equipment"])).toBe("full_gym");
    expect(highestEquipmentChoice(["no_equipment"])).toBe("no_equipment");
  });
});

describe("properties", () => {
  // Anything JSON can hold, plus SQL NULL, and lists biased towards the three names.
  const choice = fc.constantFrom("no_equipment", "basic_equipment", "full_gym");
  const equipment = fc.oneof(
    fc.constant(undefined),
    fc.jsonValue(),
    choice,
    fc.array(choice, { maxLength: 4 }),
    fc.array(fc.oneof(choice, fc.jsonValue()), { maxLength: 4 }),
  );
  const items = fc.oneof(fc.constant(undefined), fc.constant(null), fc.jsonValue(), fc.array(fc.string(), { maxLength: 3 }));
  const answers = fc
    .record({ equipment, equipmentItems: items, needsReassessment: fc.boolean() })
    .map(({ equipment, equipmentItems, needsReassessment }) => answer(equipment, equipmentItems, needsReassessment));

  it("is total: never throws, always one of the four statuses", () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(["migrated", "flagged", "skipped", "error"]).toContain(classifyAssessment(a).status);
      }),
      { numRuns: 2000 },
    );
  });

  it("is total even on values JSON cannot hold", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.boolean(), (e, i, n) => {
        classifyAssessment(answer(e, i, n));
      }),
      { numRuns: 1000 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(classifyAssessment(structuredClone(a))).toEqual(classifyAssessment(a));
      }),
    );
  });

  it("is idempotent: a second pass over the result changes nothing", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const once = applyOutcome(a, classifyAssessment(a));
        const second = classifyAssessment(once);
        expect(["skipped", "error"]).toContain(second.status);
        expect(applyOutcome(once, second)).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("never changes an error row and always leaves a valid single choice after a change", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const outcome = classifyAssessment(a);
        const after = applyOutcome(a, outcome);
        if (outcome.status === "error" || outcome.status === "skipped") expect(after).toBe(a);
        else expect(["no_equipment", "basic_equipment", "full_gym"]).toContain(after.equipment);
      }),
    );
  });
});
