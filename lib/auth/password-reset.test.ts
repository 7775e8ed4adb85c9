import { describe, expect, it } from "vitest";
import { resetRequestedMessage } from "./password-reset";

describe("resetRequestedMessage", () => {
  it("says the link was emailed when mail leaves the server", () => {
    expect(resetRequestedMessage("a@example.com")).toMatch(/we sent it a link.*Check your inbox/);
  });

  it("says where the link is on the demo, which sends no email", () => {
    const message = resetRequestedMessage("a@example.com", true);
    expect(message).toContain("is in the demo outbox: this demo sends no email");
    expect(message).toContain("Admin → Demo outbox");
    expect(message).not.toContain("Check your inbox");
  });
});
