import fs from "node:fs";

/**
 * Guards the embedded data folder with a lock file holding the owner's PID. PGlite is one session in
 * one process: a second process opening the same folder does not fail, it writes to its own copy and
 * the two diverge. So a second opener is refused with a message saying what to do.
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const held = new Set<string>();
let exitHookInstalled = false;

/** One exit hook for every lock this process holds (not one per open: tools open and close repeatedly). */
function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const lockFile of [...held]) releaseDataDirLock(lockFile);
  });
}

export function acquireDataDirLock(lockFile: string): void {
  if (held.has(lockFile)) return;
  const mine = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ").slice(0, 200) });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: "wx" });
      held.add(lockFile);
      releaseAllOnExit();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner: { pid?: number; command?: string } = {};
      try {
        owner = JSON.parse(fs.readFileSync(lockFile, "utf8"));
      } catch {
        // A half-written or unreadable lock is treated as stale.
      }
      if (owner.pid && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DataDirBusyError(lockFile, owner.pid, owner.command ?? "unknown command");
      }
      // The owner is gone (crashed or killed): the lock is stale.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded data folder (${lockFile}).`);
}

export function releaseDataDirLock(lockFile: string): void {
  if (!held.delete(lockFile)) return;
  try {
    const owner = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid?: number };
    if (owner.pid === process.pid) fs.rmSync(lockFile, { force: true });
  } catch {
    // Already gone.
  }
}
