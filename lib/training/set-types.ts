/**
 * Normal working sets, warm-ups (count for nothing in records or volume), drop sets (a lighter set
 * straight after a working set) and sets taken to failure. A missed attempt is the separate `missed` flag.
 * Apart from ./types so that a page checking a set (the logger) does not carry the other lists and labels.
 */
export const SET_TYPES = ["normal", "warmup", "drop", "failure"] as const;
export type SetType = (typeof SET_TYPES)[number];
