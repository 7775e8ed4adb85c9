/**
 * Is the latest preview still a fair picture of what a run would do? A run follows a preview; if the
 * rows the migration reads changed since (the migration's fingerprint: row count, highest id, latest
 * updated_at, and the count of writing statements of any client the table's trigger keeps), the admin is shown that the preview is stale and offered a fresh one.
 */
export interface Fingerprint {
  rows?: unknown;
  maxId?: unknown;
  maxUpdatedAt?: unknown;
  /** Writes counted by the table's trigger; absent in fingerprints recorded before it existed. */
  writes?: unknown;
}

export interface PreviewStaleness {
  stale: boolean;
  /** What changed, in words, for the dialog. Empty when the preview is current. */
  changes: string[];
}

export function previewStaleness(preview: Fingerprint | null | undefined, current: Fingerprint): PreviewStaleness {
  if (!preview) return { stale: true, changes: ["The preview recorded no fingerprint of the data it read."] };
  const changes: string[] = [];
  const before = Number(preview.rows);
  const now = Number(current.rows);
  if (before !== now) {
    const diff = now - before;
    changes.push(
      `${Math.abs(diff).toLocaleString("en")} row${Math.abs(diff) === 1 ? "" : "s"} ${diff > 0 ? "added" : "removed"} (${before.toLocaleString("en")} → ${now.toLocaleString("en")}).`,
    );
  } else if ((preview.maxId ?? null) !== (current.maxId ?? null)) {
    changes.push("Rows were added and removed.");
  }
  const editedByAnyClient =
    preview.writes !== undefined && current.writes !== undefined && Number(preview.writes) !== Number(current.writes);
  if ((preview.maxUpdatedAt ?? null) !== (current.maxUpdatedAt ?? null) || editedByAnyClient) {
    changes.push("Rows were edited since the preview.");
  }
  return { stale: changes.length > 0, changes };
}
