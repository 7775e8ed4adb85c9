/**
 * Which day of a program comes next: the day after the last one trained, wrapping round; the first
 * day when none has been trained (or the last one trained is no longer in the program).
 */
export function nextDayAfter<T>(dayIds: readonly T[], lastTrained: T | null): T | null {
  if (dayIds.length === 0) return null;
  const index = lastTrained === null ? -1 : dayIds.indexOf(lastTrained);
  return dayIds[(index + 1) % dayIds.length];
}
