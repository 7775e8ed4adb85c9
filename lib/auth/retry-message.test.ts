import { describe, expect, it } from "vitest";
import { retryMessage } from "./retry-message";

describe("retryMessage", () => {
  it.each([
    [1, "Too many attempts. Try again in 1 second."],
    [42, "Too many attempts. Try again in 42 seconds."],
    [60, "Too many attempts. Try again in 1 minute."],
    [61, "Too many attempts. Try again in 2 minutes."],
    [900, "Too many attempts. Try again in 15 minutes."],
  ])("says how long to wait for %i s", (seconds, message) => {
    expect(retryMessage(seconds)).toBe(message);
  });
});
