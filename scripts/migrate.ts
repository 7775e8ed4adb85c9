/**
 * Data migrations from the command line: `npm run migrate -- <id> [--dry-run] [--save-report FILE]
 * [--format json|csv] [--undo RUN_ID] [--list] [--help]`; `npm run migrate:equipment -- ...` passes
 * the equipment migration's id. All the work is in server/migrations/cli.ts.
 */
import { runMigrateCommand } from "@/server/migrations/cli";
import { runCli } from "./cli";

await runCli(() => runMigrateCommand(process.argv.slice(2)));
