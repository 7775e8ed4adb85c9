/**
 * Reordering lists that are stored with a `position` column (splits, their days, a day's exercises).
 * Moving one item rewrites the positions of the whole list as 0..n-1, so gaps and duplicates left by
 * deletions or concurrent edits heal on the next move.
 */
export type MoveDirection = "up" | "down";

/** The ids in their new order after moving `id` one place up or down; unchanged at either end or if absent. */
export function moveInOrder<T>(orderedIds: readonly T[], id: T, direction: MoveDirection): T[] {
  const ids = [...orderedIds];
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  [ids[from], ids[to]] = [ids[to], ids[from]];
  return ids;
}
