import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";

/**
 * Guards the embedded data folder with a lock file holding the owner's PID. PGlite is one session in
 * one process: a second process opening the same folder does not fail, it writes to its own copy and
 * the two diverge. So a second opener is refused with a message saying what to do.
 *
 * Every step is atomic, so of any number of processes racing for the folder exactly one wins:
 * - A lock appears whole: it is written to a file of the process's own, then hard-linked into place
 *   (link fails if the lock exists). Nobody can read a half-written lock and take it for stale.
 * - A stale lock (its owner died) is replaced only by the process that first creates the takeover
 *   marker named after that very lock's content; it checks the lock is still that one, then renames
 *   its own file over it, so there is no moment without a lock. Others see the marker or the new owner.
 * Why not proper-lockfile: its stale takeover removes the lock and re-creates it, so two processes
 * that both saw it stale can both win (the race this replaces); and it judges staleness by a timestamp
 * it keeps refreshing, where the owner's PID says it exactly on one machine.
 */
export class DataDirBusyError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
    readonly ownerCommand: string,
  ) {
    super(
      `The embedded database is in use by process ${ownerPid} (${ownerCommand}). ` +
        `PGlite allows one process at a time: stop that process first (for example the running app), ` +
        `or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
    );
    this.name = "DataDirBusyError";
  }
}

interface LockOwner {
  pid?: number;
  command?: string;
  /** New for every acquisition, so a lock's content names that one acquisition. */
  token?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** The file's text, or undefined when it is not there. */
function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
}

function parseOwner(text: string): LockOwner {
  try {
    return JSON.parse(text) as LockOwner;
  } catch {
    return {}; // Unreadable content cannot name a live owner: stale.
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Lock file → the token of this process's acquisition. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/** One exit hook for every lock this process holds (not one per open: tools open and close repeatedly). */
function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const lockFile of [...held.keys()]) releaseDataDirLock(lockFile);
  });
}

const ATTEMPTS = 200;

export function acquireDataDirLock(lockFile: string): void {
  if (held.has(lockFile)) return;
  const token = randomUUID();
  const mine = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ").slice(0, 200), token });
  const candidate = `${lockFile}.${token}.new`;
  fs.writeFileSync(candidate, mine, { flag: "wx" });
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        fs.linkSync(candidate, lockFile);
        return taken(lockFile, token);
      } catch (error) {
        if (errorCode(error) !== "EEXIST") throw error;
      }
      const current = readText(lockFile);
      if (current === undefined) continue; // Released meanwhile: try again.
      const owner = parseOwner(current);
      if (owner.pid && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DataDirBusyError(lockFile, owner.pid, owner.command ?? "unknown command");
      }
      if (replaceStaleLock(lockFile, current, candidate, mine)) return taken(lockFile, token);
      pause(5 + Math.random() * 10); // Another process is taking this stale lock over: see who won.
    }
  } finally {
    fs.rmSync(candidate, { force: true });
  }
  throw new Error(`Could not lock the embedded data folder (${lockFile}): other processes kept taking it over.`);
}

/** Replace the stale lock whose content is `stale` by `candidate`, if this process is the one allowed to. */
function replaceStaleLock(lockFile: string, stale: string, candidate: string, mine: string): boolean {
  const marker = `${lockFile}.takeover-${createHash("sha256").update(stale).digest("hex").slice(0, 32)}`;
  try {
    fs.writeFileSync(marker, mine, { flag: "wx" });
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
    // A taker that died between its marker and its rename would block this lock for ever: clear it.
    const taker = parseOwner(readText(marker) ?? "{}");
    if (taker.pid && !isAlive(taker.pid)) fs.rmSync(marker, { force: true });
    return false;
  }
  try {
    // An earlier taker may have replaced this lock already (and removed its marker since).
    if (readText(lockFile) !== stale) return false;
    fs.renameSync(candidate, lockFile);
    return true;
  } finally {
    fs.rmSync(marker, { force: true });
  }
}

function taken(lockFile: string, token: string): void {
  held.set(lockFile, token);
  releaseAllOnExit();
}

export function releaseDataDirLock(lockFile: string): void {
  const token = held.get(lockFile);
  if (token === undefined) return;
  held.delete(lockFile);
  try {
    if (parseOwner(fs.readFileSync(lockFile, "utf8")).token === token) fs.rmSync(lockFile, { force: true });
  } catch {
    // Already gone.
  }
}
