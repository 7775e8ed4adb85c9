/**
 * What the logger keeps in this browser's localStorage, each entry `{ savedAt, <field>: value }`:
 * read, written and pruned by age in one way, whatever it holds (a session's queue, a workout laid
 * out on the device). Storage can be full or disabled (private mode): then nothing is kept, and the
 * logger still runs from memory and syncs.
 */

export function readKept(key: string, field: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, unknown>)[field] : null;
  } catch {
    return null;
  }
}

export function keep(key: string, field: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), [field]: value }));
  } catch {
    // Storage full or disabled: the value lives in memory only.
  }
}

/** Lets go of what is kept under `key` (a workout finished or discarded). */
export function dropKept(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/** Removes the entries under `prefix` saved more than `maxAgeMs` ago (or with no time of saving). */
export function pruneKept(prefix: string, maxAgeMs: number): void {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const savedAt = Number(JSON.parse(window.localStorage.getItem(key) ?? "{}").savedAt);
      if (!(savedAt > Date.now() - maxAgeMs)) window.localStorage.removeItem(key);
    }
  } catch {
    // Nothing to prune if storage is unavailable.
  }
}
