import "server-only";
import { DataDirBusyError } from "@/db/data-dir-lock";
import { getDatabase, getDb } from "./db";
import { appMailer } from "./mail/mailer";
import { startAppMailWorker } from "./mail/worker";
import { startAppWebhookWorker } from "./webhooks/worker";
import { ConfigurationError, env, isBuildPhase, usesEmbeddedDatabase } from "./env";

/**
 * Called by instrumentation.ts as the server process starts: a server whose environment is not valid
 * (production on PostgreSQL without mail settings, say) stops at once, naming the variables, rather
 * than answering every request with an error. Then the background work starts: the mail and webhook workers.
 */
export async function startServerProcess(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`Cannot start Ironlog: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  await openEmbeddedDatabaseBeforeFirstRequest();
  // Every instance sends queued mail and webhook deliveries; the outbox's row locks keep them from
  // sending one twice.
  if (!isBuildPhase()) {
    startAppMailWorker({ db: getDb, mailer: appMailer() });
    startAppWebhookWorker();
  }
}

/**
 * Called by instrumentation.ts as the server process starts, before it answers any request. On the
 * embedded database the server takes the data folder now, not at its first request: a command-line
 * tool started after "Ready" is refused instead of taking the folder from under the app. A server that
 * cannot have the folder stops at once, saying who holds it. PostgreSQL is shared, so it opens lazily.
 */
export async function openEmbeddedDatabaseBeforeFirstRequest(): Promise<void> {
  if (!usesEmbeddedDatabase() || isBuildPhase()) return;
  try {
    await getDatabase();
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      console.error(`Cannot start Ironlog: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
