/**
 * Which maintenance banners a device shows at an instant, and the cookie that remembers the ones it
 * dismissed. The server draws the banners into the page from these rules and the browser keeps them
 * current with the same ones.
 */
import { type BannerNotice, bannerTimes, type NoticePhase, noticePhase, noticeVisible } from "./phase";

/**
 * Banners dismissed on this device, by window and phase ("12:announced.13:cancelled"): a window's next
 * phase (it starts, it ends, it is cancelled) says something new, so it shows again. A cookie rather
 * than local storage, so the server leaves a dismissed banner out of the page instead of the browser
 * hiding it after it was painted.
 */
export const DISMISSED_COOKIE = "ironlog-maintenance-dismissed";
const DISMISSED_MAX_AGE_S = 365 * 86_400;

export type ShownBanner = { notice: BannerNotice; phase: NoticePhase; key: string };

/** The dismissed banners' keys from the cookie's value (absent or garbled: none). */
export function dismissedKeys(cookieValue: string | undefined): string[] {
  return (cookieValue ?? "").split(".").filter((key) => /^\d+:[a-z_]+$/.test(key));
}

/** The banners to show at `now`, in the notices' order, leaving out the ones dismissed here. */
export function bannersToShow(notices: readonly BannerNotice[], now: Date, dismissed: readonly string[]): ShownBanner[] {
  return notices
    .filter((notice) => noticeVisible(bannerTimes(notice), now))
    .map((notice) => {
      const phase = noticePhase(bannerTimes(notice), now);
      return { notice, phase, key: `${notice.id}:${phase}` };
    })
    .filter(({ key }) => !dismissed.includes(key));
}

/**
 * The keys once `key` is dismissed, keeping only those of windows still listed, so the cookie stays
 * as short as the banners are few.
 */
export function dismissing(dismissed: readonly string[], notices: readonly BannerNotice[], key: string): string[] {
  return [...dismissed.filter((k) => notices.some((n) => k.startsWith(`${n.id}:`))), key];
}

/** The `document.cookie` assignment that stores `keys` for a year. */
export function dismissedCookie(keys: readonly string[]): string {
  return `${DISMISSED_COOKIE}=${keys.join(".")}; Path=/; Max-Age=${DISMISSED_MAX_AGE_S}; SameSite=Lax`;
}
