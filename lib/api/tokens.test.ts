import { describe, expect, it } from "vitest";
import { apiTokenExpiry } from "./tokens";
import { createApiTokenSchema } from "./token-schema";

describe("createApiTokenSchema", () => {
  it("trims the name and refuses a blank one beside its field", () => {
    expect(createApiTokenSchema.parse({ name: "  sync ", access: "read", expiresIn: "never" }).name).toBe("sync");
    const refused = createApiTokenSchema.safeParse({ name: "   ", access: "read", expiresIn: "30" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["name"]);
  });

  it("accepts only the offered access and expiry choices", () => {
    const refused = createApiTokenSchema.safeParse({ name: "x", access: "admin", expiresIn: "3" });
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["access", "expiresIn"]);
  });
});

describe("apiTokenExpiry", () => {
  it("is that many days later, or none", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(apiTokenExpiry(now, "30")?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(apiTokenExpiry(now, "never")).toBeNull();
  });
});
