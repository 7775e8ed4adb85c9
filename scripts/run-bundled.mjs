/**
 * Run a TypeScript command line as one plain JavaScript file: bundled with esbuild (our code only;
 * packages stay in node_modules), then imported by this process. Under tsx every module is
 * transpiled as it loads, by loader hooks on a thread of their own: that costs a command line
 * about 85 MB of memory and a second of start-up, where the bundle takes a fraction of a second
 * (in esbuild's own process, which ends before the command runs). Built at every start, so it
 * always runs the code as it is now.
 *
 * Usage: node --conditions=react-server scripts/run-bundled.mjs scripts/<command>.ts [arguments...]
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const [entry, ...args] = process.argv.slice(2);
if (!entry?.endsWith(".ts")) {
  console.error("Usage: node --conditions=react-server scripts/run-bundled.mjs scripts/<command>.ts [arguments...]");
  process.exit(2);
}

// Beside node_modules, so the bundle's imports of packages resolve as the sources' do; one file per
// process, so two commands started at once never read each other's half-written bundle.
const outfile = path.resolve("node_modules", ".cache", "ironlog-commands", `${path.basename(entry, ".ts")}-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  conditions: ["react-server"],
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
await stop();
process.on("exit", () => fs.rmSync(outfile, { force: true }));

// The command reads its arguments as if it had been started itself.
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
