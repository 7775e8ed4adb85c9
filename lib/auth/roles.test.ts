import { describe, expect, it } from "vitest";
import { roleChangeRefusal } from "./roles";

describe("roleChangeRefusal", () => {
  const admin = { id: 1, role: "admin" as const };
  const athlete = { id: 2, role: "athlete" as const };
  it.each([
    ["an admin makes an athlete admin", { actorId: 1, target: athlete, newRole: "admin", adminIds: [1] }, null],
    [
      "an admin demotes another admin",
      { actorId: 1, target: { id: 3, role: "admin" }, newRole: "athlete", adminIds: [1, 3] },
      null,
    ],
    [
      "an admin steps down while another admin remains",
      { actorId: 1, target: admin, newRole: "athlete", adminIds: [1, 3] },
      null,
    ],
    ["the last admin keeps their role (no change)", { actorId: 1, target: admin, newRole: "admin", adminIds: [1] }, null],
    ["the last admin steps down", { actorId: 1, target: admin, newRole: "athlete", adminIds: [1] }, "last_admin"],
    ["a caller who lost the admin role meanwhile", { actorId: 2, target: athlete, newRole: "admin", adminIds: [1] }, "not_admin"],
  ] as const)("%s", (_name, change, expected) => {
    expect(roleChangeRefusal(change)?.code ?? null).toBe(expected);
  });

  it("tells the last admin what to do instead", () => {
    expect(roleChangeRefusal({ actorId: 1, target: admin, newRole: "athlete", adminIds: [1] })?.message).toBe(
      "You are the last admin. Make another user admin before you give up the role.",
    );
  });
});
