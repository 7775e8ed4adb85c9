import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_WEIGHT_KG, SET_FIELDS, SET_MESSAGES, setValueErrors, type SetFieldErrors } from "@/lib/training/set";
import { checkSessionField, type SessionField } from "./session-fields";
import { sessionSaveSchema, setValuesSchema } from "./session-sync";

/** The zod schema's answer in the shape of setValueErrors: the first message for each field. */
function schemaErrors(values: unknown): SetFieldErrors {
  const parsed = setValuesSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

/** Numbers near every limit and rule, and the odd ones a device or a forged request may send. */
const number = fc.oneof(
  fc.integer({ min: -5, max: 1200 }),
  fc.integer({ min: -400, max: 4000 }).map((n) => n / 4),
  fc.integer({ min: -1000, max: 200_000 }).map((n) => n / 100),
  fc.constantFrom(0, 1, 10, 10.5, 1000, 1001, MAX_WEIGHT_KG, MAX_WEIGHT_KG + 0.01, 86_400, 86_401, 1_000_000, 1_000_000.01),
  fc.double({ noNaN: false }),
);
const value = fc.oneof({ weight: 6, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom(null, "5", true, undefined) });

const setValues = fc.record(
  {
    weightKg: value,
    reps: value,
    rpe: value,
    missed: fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom(null, "yes") }),
    setType: fc.constantFrom("normal", "warmup", "drop", "failure", "superset", undefined),
    seconds: value,
    distanceM: value,
  },
  { requiredKeys: ["weightKg", "reps", "rpe", "missed"] },
);

describe("a set's rules in the browser and on the server", () => {
  it("accept and refuse alike, with the same message for each field", () => {
    fc.assert(
      fc.property(setValues, (values) => {
        expect(setValueErrors(values)).toEqual(schemaErrors(values));
      }),
      { numRuns: 5000 },
    );
  });

  it("store a weight alone (a sled push) and a missed attempt with nothing, and refuse an empty set", () => {
    const set = { weightKg: 0, reps: 0, rpe: null, missed: false, setType: "normal", seconds: null, distanceM: null };
    expect(setValueErrors({ ...set, weightKg: 140 })).toEqual({});
    expect(setValueErrors({ ...set, missed: true })).toEqual({});
    expect(setValueErrors(set)).toEqual({ reps: SET_MESSAGES.nothing });
    expect(schemaErrors(set)).toEqual({ reps: SET_MESSAGES.nothing });
  });

  it("ask for the values the exercise is logged by, unless the attempt was missed", () => {
    const set = { weightKg: 100, reps: 0, rpe: null, missed: false, setType: "normal", seconds: null, distanceM: null };
    expect(setValueErrors(set, "reps_load")).toEqual({ reps: SET_MESSAGES.nothing });
    expect(setValueErrors({ ...set, missed: true }, "reps_load")).toEqual({});
    expect(setValueErrors({ ...set, weightKg: 0 }, "time")).toEqual({ seconds: SET_MESSAGES.seconds });
    expect(setValueErrors({ ...set, seconds: 45 }, "distance_time")).toEqual({ distanceM: SET_MESSAGES.distance });
  });

  it("name every set field in one list", () => {
    expect(Object.keys(setValuesSchema.shape).sort()).toEqual([...SET_FIELDS].sort());
  });
});

describe("a session's own fields in the browser and on the server", () => {
  const text = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.constantFrom("", "  ", "45", " 90 ", "0", "1", "1.", "1e1", "1440", "1441", "1.5", "-3", "12abc", "x".repeat(2001)),
  );
  const field = fc.constantFrom<SessionField>("name", "notes", "durationMinutes");

  /**
   * What reaches the server for a typed duration: a number when the text is one written plainly
   * ("45", "1.5", "-3"), otherwise the text itself, as a forged request would send it. Reading
   * every text with Number() would turn "1." or "1e1" into minutes the form never sends.
   */
  function minutesAsSent(typed: string): number | string | null {
    const trimmed = typed.trim();
    if (trimmed === "") return null;
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : typed;
  }

  it("accept and refuse alike", () => {
    fc.assert(
      fc.property(field, text, (name, typed) => {
        const checked = checkSessionField(name, typed);
        const value = name === "durationMinutes" ? minutesAsSent(typed) : typed;
        const parsed = sessionSaveSchema.safeParse({ baseRevision: 0, unit: "kg", [name]: { value, at: 1 } });
        expect(checked.error === undefined).toBe(parsed.success);
        if (parsed.success && checked.error === undefined) expect(parsed.data[name]?.value).toEqual(checked.value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the save contract", () => {
  const SLOT = "00000000-0000-4000-8000-000000000001";
  const SET = "10000000-0000-4000-8000-000000000001";

  it("reads a change in the previous naming (weight in the athlete's unit) as the change it meant", () => {
    const parsed = sessionSaveSchema.parse({
      baseRevision: 1,
      unit: "lb",
      sets: [
        {
          id: SET,
          slotId: SLOT,
          position: 0,
          values: { weight: 225, reps: 5, rpe: null, missed: false, setType: "normal", seconds: null, distance: 20 },
          times: { weight: 10, reps: 10, rpe: 10, missed: 10, position: 10, setType: 10, seconds: 10, distance: 10 },
        },
      ],
    });
    expect(parsed.sets[0].values).toEqual({
      weightKg: 102.06,
      reps: 5,
      rpe: null,
      missed: false,
      setType: "normal",
      seconds: null,
      distanceM: 20,
    });
    expect(parsed.sets[0].times).toEqual({
      weightKg: 10,
      reps: 10,
      rpe: 10,
      missed: 10,
      position: 10,
      setType: 10,
      seconds: 10,
      distanceM: 10,
    });
  });

  it("names the field of a refused value by its current name", () => {
    const parsed = sessionSaveSchema.safeParse({
      baseRevision: 1,
      unit: "kg",
      sets: [
        {
          id: SET,
          slotId: SLOT,
          position: 0,
          values: { weightKg: 2000, reps: 5, rpe: null, missed: false },
          times: { weightKg: 1, reps: 1, rpe: 1, missed: 1, position: 1 },
        },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["sets.0.values.weightKg", SET_MESSAGES.weightLimit],
    ]);
  });
});
