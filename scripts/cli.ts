import { closeDatabase } from "@/db/client";
import { DataDirBusyError } from "@/db/data-dir-lock";

/**
 * Run a command-line entry point: known errors print one readable line and exit non-zero; anything
 * else prints its stack (operators want it) and exits 1. The database is always closed.
 */
export async function runCli(main: () => Promise<void | number>): Promise<void> {
  let code = 0;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      console.error(`Error: ${error.message}`);
      code = 4;
    } else {
      console.error(error);
      code = 1;
    }
  } finally {
    await closeDatabase().catch(() => {});
  }
  process.exit(code);
}
