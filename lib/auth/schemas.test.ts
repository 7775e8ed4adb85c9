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
    ["/dashboard\nSet-Cookie: x=1", "/dashboard"],
    ["/log\r\n", "/dashboard"],
    ["/\t/evil.example", "/dashboard"],
    ["/\u0000", "/dashboard"],
    ["/exercises?q=Übung 1", "/exercises?q=%C3%9Cbung%201"],
    ["/history/12#set-3", "/history/12#set-3"],
  ])("%j becomes %j", (input, expected) => {
    expect(safeRedirectPath(input, "/dashboard")).toBe(expected);
  });
});
