import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirBusyError, releaseDataDirLock } from "./data-dir-lock";

const dirs: string[] = [];
function tempLockFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite.lock");
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("embedded data folder lock", () => {
  it("refuses a second process while the owner is alive, naming it", async () => {
    const lockFile = tempLockFile();
    const owner = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: owner.pid, command: "next start" }));
      let error: unknown;
      try {
        acquireDataDirLock(lockFile);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirBusyError);
      expect((error as Error).message).toContain(`process ${owner.pid} (next start)`);
      expect((error as Error).message).toContain("DATABASE_URL");
    } finally {
      owner.kill();
    }
  });

  it("takes over a lock whose owner has exited, and removes it on release", async () => {
    const lockFile = tempLockFile();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    fs.writeFileSync(lockFile, JSON.stringify({ pid: gone.pid, command: "crashed" }));
    acquireDataDirLock(lockFile);
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
    releaseDataDirLock(lockFile);
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
