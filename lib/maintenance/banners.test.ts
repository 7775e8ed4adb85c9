import { describe, expect, it } from "vitest";
import { bannersToShow, dismissedCookie, dismissedKeys, dismissing, DISMISSED_COOKIE } from "./banners";
import type { BannerNotice } from "./phase";

const HOUR = 3_600_000;
const now = new Date("2026-12-06T12:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();

function notice(id: number, overrides: Partial<BannerNotice> = {}): BannerNotice {
  return {
    id,
    message: `Window ${id}`,
    startsAt: at(1),
    endsAt: at(2),
    notifyFrom: at(-1),
    endedAt: null,
    completionMessage: null,
    ...overrides,
  };
}

describe("maintenance banners", () => {
  it("shows announced and running windows with their phase, and nothing not yet announced", () => {
    const shown = bannersToShow(
      [notice(1), notice(2, { startsAt: at(-1), notifyFrom: at(-2) }), notice(3, { notifyFrom: at(0.5) })],
      now,
      [],
    );
    expect(shown.map((b) => b.key)).toEqual(["1:announced", "2:in_progress"]);
  });

  it("leaves out a dismissed banner only in the phase it was dismissed in", () => {
    const running = notice(1, { startsAt: at(-1), notifyFrom: at(-2) });
    expect(bannersToShow([notice(1)], now, ["1:announced"])).toEqual([]);
    expect(bannersToShow([running], now, ["1:announced"]).map((b) => b.key)).toEqual(["1:in_progress"]);
  });

  it("reads only well-formed keys from the cookie", () => {
    expect(dismissedKeys(undefined)).toEqual([]);
    expect(dismissedKeys("12:announced.13:in_progress")).toEqual(["12:announced", "13:in_progress"]);
    expect(dismissedKeys("12:announced.<script>.:x.4")).toEqual(["12:announced"]);
  });

  it("forgets windows no longer listed when another is dismissed, and writes a cookie the server reads back", () => {
    const keys = dismissing(["1:announced", "9:cancelled"], [notice(1), notice(2)], "2:announced");
    expect(keys).toEqual(["1:announced", "2:announced"]);
    const cookie = dismissedCookie(keys);
    expect(cookie).toMatch(new RegExp(`^${DISMISSED_COOKIE}=1:announced\\.2:announced; Path=/; Max-Age=\\d+; SameSite=Lax$`));
    expect(dismissedKeys(cookie.split(";")[0].split("=")[1])).toEqual(keys);
  });
});
