import { describe, expect, it } from "vitest";
import { safeRedirectPath, signUpSchema } from "./schemas";

describe("signUpSchema", () => {
  it("lower-cases and trims the email", () => {
    const parsed = signUpSchema.parse({ name: "Ada", email: "  Ada@Example.COM ", password: "correct horse battery" });
    expect(parsed.email).toBe("ada@example.com");
  });

  it.each([
    ["short1", "Use at least 10 characters."],
    ["password123", "That password is too common; choose another."],
    ["aaaaaaaaaaaa", "That password is too easy to guess; mix more characters."],
  ])("refuses the weak password %j with a message", (password, message) => {
    const result = signUpSchema.safeParse({ name: "Ada", email: "ada@example.com", password });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
});

describe("safeRedirectPath", () => {
  it.each([
    [undefined, "/dashboard"],
    ["/exercises?q=1", "/exercises?q=1"],
    ["https://evil.example", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
  ])("%j becomes %j", (input, expected) => {
    expect(safeRedirectPath(input, "/dashboard")).toBe(expected);
  });
});
