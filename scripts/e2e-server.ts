/**
 * The server the Playwright suite runs against: `npm start` on a fresh embedded database in
 * .data/e2e, so every run starts from the same demo data.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dataDir = path.resolve(".data", "e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/start.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  // The embedded database: no PostgreSQL, so no pooler either (the pooler pass sets DATABASE_POOLER for its specs).
  env: { ...process.env, IRONLOG_DATA_DIR: dataDir, DATABASE_URL: "", DATABASE_POOLER: "", DIRECT_DATABASE_URL: "" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
