import { describe, expect, it } from "vitest";
import { endpointSchema, endpointUrlProblem } from "./endpoint-input";

describe("a webhook endpoint's address", () => {
  it.each([
    ["https://hooks.example.com/ironlog", false, undefined],
    ["http://hooks.example.com/ironlog", false, undefined],
    ["http://hooks.example.com/ironlog", true, "Use an https:// address: events are only sent encrypted."],
    ["ftp://hooks.example.com", false, "Use an https:// address."],
    ["hooks.example.com/ironlog", false, "Enter the full address, starting with https://."],
    ["https://me:pw@hooks.example.com", false, "Leave the user name and password out of the address."],
    ["https://hooks.example.com/#frag", false, "Leave out the part after #."],
  ])("%s (https required: %s) → %s", (url, requireHttps, problem) => {
    expect(endpointUrlProblem(url, { requireHttps })).toBe(problem);
  });

  it("needs at least one known event, sent as one checkbox or several", () => {
    const schema = endpointSchema({ requireHttps: false });
    expect(schema.safeParse({ url: "https://a.example", events: "workout.finished" }).data?.events).toEqual(["workout.finished"]);
    expect(schema.safeParse({ url: "https://a.example" }).error?.issues[0].message).toBe("Choose at least one event.");
    expect(schema.safeParse({ url: "https://a.example", events: ["workout.eaten"] }).success).toBe(false);
  });
});
