import { describe, expect, it } from "vitest";
import { curlCommand, describeType, fieldLines } from "./reference";

describe("describeType", () => {
  it.each([
    [{ type: "integer", minimum: 1, maximum: 50 }, "integer (1 to 50)"],
    [{ type: "string", enum: ["normal", "warmup"] }, "one of normal, warmup"],
    [{ anyOf: [{ type: "number", minimum: 1, maximum: 10 }, { type: "null" }] }, "number (1 to 10) or null"],
    [{ type: "string", format: "uuid" }, "string (uuid)"],
    [{ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 }, "integer"],
    [{ type: "array", items: { type: "string" } }, "list of string"],
    [{ type: "string", maxLength: 100 }, "string (up to 100 characters)"],
  ])("describes %j as %s", (schema, words) => {
    expect(describeType(schema)).toBe(words);
  });
});

describe("fieldLines", () => {
  it("lists nested fields by dotted path, with what is required and each default", () => {
    const schema = {
      type: "object",
      properties: {
        name: { type: "string" },
        exercises: {
          type: "array",
          default: [],
          items: {
            type: "object",
            properties: {
              sets: { type: "array", items: { type: "object", properties: { reps: { type: "integer" } }, required: ["reps"] } },
            },
          },
        },
      },
      required: ["name"],
    };
    expect(fieldLines(schema).map((l) => [l.path, l.required, l.note])).toEqual([
      ["name", true, ""],
      ["exercises", false, "default []"],
      ["exercises[].sets", false, ""],
      ["exercises[].sets[].reps", true, ""],
    ]);
  });
});

describe("curlCommand", () => {
  it("sends the token, a fresh idempotency key for writes, and the body quoted for the shell", () => {
    expect(
      curlCommand({ origin: "https://x.test", method: "POST", path: "/workouts", body: { name: "Leg's day" }, idempotent: true }),
    ).toBe(
      [
        "curl -sS -X POST 'https://x.test/api/v1/workouts'",
        '  -H "Authorization: Bearer $IRONLOG_TOKEN"',
        '  -H "Idempotency-Key: $(uuidgen)"',
        "  -H 'Content-Type: application/json'",
        `  -d '{"name":"Leg'\\''s day"}'`,
      ].join(" \\\n"),
    );
  });

  it("writes a file answer to a file instead of the terminal", () => {
    expect(
      curlCommand({
        origin: "https://x.test",
        method: "GET",
        path: "/workouts/123.fit",
        idempotent: false,
        output: "workout.fit",
      }),
    ).toBe(
      ["curl -sS -o workout.fit 'https://x.test/api/v1/workouts/123.fit'", '  -H "Authorization: Bearer $IRONLOG_TOKEN"'].join(
        " \\\n",
      ),
    );
  });
});
