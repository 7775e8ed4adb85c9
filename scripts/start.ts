/**
 * `npm start`: the one command that serves Ironlog.
 * - Embedded database (no DATABASE_URL): applies schema migrations, seeds the demo data into an empty
 *   database, builds the app if it has not been built, and serves it on http://localhost:3000.
 * - DATABASE_URL: refuses to start while schema migrations are pending (run `npm run db:migrate`),
 *   and in production refuses without AUTH_SECRET, which every instance must share.
 * This process releases the embedded database before it starts the server, which takes it itself as it
 * starts (instrumentation.ts), before its first request; the build in between never opens it.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { runSchemaMigrations, schemaMigrationStatus } from "@/db/client";
import { topUpExerciseLibrary } from "@/db/exercise-library";
import { closeDatabase, getDatabase } from "@/server/db";
import { users } from "@/db/schema";
import { loadDemoData } from "@/server/services/demo-data";
import { authSecret, ConfigurationError, embeddedDataDir, env, usesEmbeddedDatabase } from "@/server/env";

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function prepareDatabase(): Promise<void> {
  const database = await getDatabase();
  try {
    if (usesEmbeddedDatabase()) {
      await runSchemaMigrations(database);
      const [{ n }] = await database.db.select({ n: count() }).from(users);
      if (n === 0) {
        console.log("Empty database: loading the demo data…");
        const summary = await loadDemoData(database.db);
        console.log(`Demo data loaded: ${summary}`);
      } else {
        const added = await topUpExerciseLibrary(database.db);
        if (added.length > 0) console.log(`Exercise library: ${added.length} new exercise(s) added.`);
      }
    } else {
      const status = await schemaMigrationStatus(database.db);
      if (status.pending > 0) {
        throw new ConfigurationError(
          `${status.pending} schema migration(s) are pending on ${database.location}. Run \`npm run db:migrate\` first.`,
        );
      }
    }
  } finally {
    // Release the embedded database: the server process opens it next.
    await closeDatabase();
  }
}

async function main(): Promise<void> {
  // Before the environment is first read: it is parsed once.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const port = argValue("--port") ?? String(env().PORT);
  const embedded = usesEmbeddedDatabase();
  const secret = authSecret();
  await prepareDatabase();

  if (!fs.existsSync(path.join(".next", "BUILD_ID")) || process.argv.includes("--build")) {
    console.log("Building the app (first start only; `npm run build` rebuilds)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  console.log(`Ironlog on ${embedded ? `the embedded database (${embeddedDataDir()})` : "PostgreSQL"}: http://localhost:${port}`);
  // scripts/serve.mjs is `next start` that also passes the socket address, which sign-in throttling keys on;
  // run by Node itself, not npx, so the server is this process's direct child.
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: secret, AUTH_TRUST_HOST: String(env().AUTH_TRUST_HOST) },
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  if (error instanceof ConfigurationError || (error instanceof Error && error.name === "DataDirBusyError")) {
    console.error(`Cannot start Ironlog: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
