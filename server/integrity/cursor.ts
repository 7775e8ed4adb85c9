/**
 * Cursors for paging through offending rows by their key columns ("12" or, for a two-column key such
 * as exercise_muscles, "3,7"). Keyset paging keeps every page as cheap as the first.
 */
import "server-only";

export function formatRowCursor(key: readonly unknown[]): string {
  return key.map((value) => String(value)).join(",");
}

/** The key values of a cursor, or null when it is not `keyLength` whole numbers (a hand-edited URL). */
export function parseRowCursor(cursor: string | null | undefined, keyLength: number): number[] | null {
  if (!cursor) return null;
  const parts = cursor.split(",");
  if (parts.length !== keyLength) return null;
  const values = parts.map((part) => (/^\d{1,15}$/.test(part) ? Number(part) : NaN));
  return values.every(Number.isSafeInteger) ? values : null;
}
