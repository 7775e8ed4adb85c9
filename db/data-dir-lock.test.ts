import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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

  it("leaves the lock alone on release when another process owns it now", () => {
    const lockFile = tempLockFile();
    acquireDataDirLock(lockFile);
    const other = JSON.stringify({ pid: process.pid, command: "another acquisition", token: "someone-else" });
    fs.writeFileSync(lockFile, other);
    releaseDataDirLock(lockFile);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(other);
  });

  // Twenty processes told to go at the same moment; each round, exactly one may win. The racer is
  // bundled to plain JavaScript once (esbuild, which tsx and vitest already use), so twenty processes
  // start in a second on two cores instead of compiling TypeScript twenty times.
  const RACERS = 20;
  let racer = "";
  beforeAll(async () => {
    const { build } = await import("esbuild");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-racer-"));
    racer = path.join(dir, "lock-racer.mjs");
    await build({
      entryPoints: [path.resolve("test/fixtures/lock-racer.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: racer,
      logLevel: "silent",
    });
  });

  afterAll(() => fs.rmSync(path.dirname(racer), { recursive: true, force: true }));

  async function race(lockFile: string): Promise<string[]> {
    const children: ChildProcess[] = [];
    const outputs: string[][] = [];
    try {
      const ready = Array.from({ length: RACERS }, (_, i) => {
        const child = spawn(process.execPath, [racer, lockFile], { stdio: ["pipe", "pipe", "inherit"] });
        children.push(child);
        outputs[i] = [];
        return new Promise<void>((resolve, reject) => {
          child.on("error", reject);
          child.stdout!.setEncoding("utf8").on("data", (text: string) => {
            outputs[i].push(...text.split("\n").filter(Boolean));
            if (outputs[i].includes("ready")) resolve();
          });
        });
      });
      await Promise.all(ready);
      for (const child of children) child.stdin!.write("go\n");
      await expect.poll(() => outputs.filter((lines) => lines.length > 1).length, { timeout: 30_000, interval: 20 }).toBe(RACERS);
      return outputs.map((lines) => lines[1]);
    } finally {
      await Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) =>
              child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.stdin!.end()),
            ),
        ),
      );
    }
  }

  it("lets exactly one of twenty racing processes take a free folder", async () => {
    for (let round = 0; round < 2; round++) {
      const results = await race(tempLockFile());
      expect(
        results.filter((r) => r === "won"),
        `round ${round}: ${results.join(", ")}`,
      ).toHaveLength(1);
      expect(results.filter((r) => r === "busy")).toHaveLength(RACERS - 1);
    }
  }, 120_000);

  it("lets exactly one of twenty racing processes take over a stale lock, every time", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    for (let round = 0; round < 3; round++) {
      const lockFile = tempLockFile();
      fs.writeFileSync(lockFile, JSON.stringify({ pid: gone.pid, command: "crashed", token: `stale-${round}` }));
      const results = await race(lockFile);
      expect(
        results.filter((r) => r === "won"),
        `round ${round}: ${results.join(", ")}`,
      ).toHaveLength(1);
      expect(results.filter((r) => r === "busy")).toHaveLength(RACERS - 1);
      // The winner released the lock as it exited, and no candidate or takeover marker was left behind.
      expect(fs.readdirSync(path.dirname(lockFile))).toEqual([]);
    }
  }, 240_000);
});
