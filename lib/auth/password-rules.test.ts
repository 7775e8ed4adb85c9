import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NEW_PASSWORD_MESSAGES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, newPasswordProblem } from "./password-rules";
import { newPasswordField } from "./schemas";

/** The server's answer in the plain check's shape: its first message, or undefined when it accepts. */
function schemaProblem(password: string): string | undefined {
  const parsed = newPasswordField.safeParse(password);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/** Passwords near every limit and rule: lengths around both ends, few distinct characters, the common list in any case. */
const password = fc.oneof(
  fc.string({ minLength: 0, maxLength: PASSWORD_MIN_LENGTH + 4 }),
  fc.string({ unit: "grapheme", minLength: PASSWORD_MIN_LENGTH - 2, maxLength: PASSWORD_MIN_LENGTH + 2 }),
  fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "e"), minLength: 0, maxLength: 16 }),
  fc.string({ minLength: PASSWORD_MAX_LENGTH - 2, maxLength: PASSWORD_MAX_LENGTH + 2 }),
  fc
    .constantFrom("password123", "Password1234", "1234567890", "QWERTYuiop", "iloveyou123", "LetMeIn1234", "ironlog-password")
    .chain((p) => fc.constantFrom(p, p.toUpperCase(), `${p} `)),
);

describe("a new password's rules in the browser and on the server", () => {
  it("accept and refuse alike, with the same first message", () => {
    fc.assert(
      fc.property(password, (p) => {
        expect(newPasswordProblem(p)).toBe(schemaProblem(p));
      }),
      { numRuns: 5000 },
    );
  });

  it("say each rule in words", () => {
    expect(newPasswordProblem("short")).toBe(NEW_PASSWORD_MESSAGES.tooShort);
    expect(newPasswordProblem("x".repeat(PASSWORD_MAX_LENGTH) + "yz")).toBe(NEW_PASSWORD_MESSAGES.tooLong);
    expect(newPasswordProblem("PASSWORD123")).toBe(NEW_PASSWORD_MESSAGES.common);
    expect(newPasswordProblem("abababababab")).toBe(NEW_PASSWORD_MESSAGES.guessable);
    expect(newPasswordProblem("correct horse battery")).toBeUndefined();
  });
});
