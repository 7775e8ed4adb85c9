/**
 * For each item of a long list: the browser lays out and paints only the items on or near the screen,
 * so the first screenful is drawn first and the rest when scrolled to. An item off screen keeps the
 * height it last had (the second size is only a first guess, near a one-line card's), and stays in the
 * accessibility tree and in find-in-page.
 */
export const OFFSCREEN_LIST_ITEM = "[content-visibility:auto] [contain-intrinsic-size:auto_6rem]";
