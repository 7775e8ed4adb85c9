import { type ParseArgsConfig, parseArgs } from "node:util";
import { closeDatabase } from "@/server/db";
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

type ParseOptions = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parse a data command's arguments the same way for every command: `--help`/`-h` prints the help
 * (exit 0), an unknown flag prints it to stderr (exit 2, a usage error). Returns the parsed values and
 * positionals, or the exit code to return.
 */
export function parseCommand<O extends ParseOptions>(
  options: O,
  help: string,
): { values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>["values"]; positionals: string[] } | number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { ...options, help: { type: "boolean", short: "h", default: false } } as O,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if ((args.values as { help?: boolean }).help) {
    console.log(help);
    return 0;
  }
  return { values: args.values, positionals: args.positionals };
}

/** `FILE [flags]`: as parseCommand, with exactly one positional (else the help on stderr, exit 2). */
export function parseFileCommand<O extends ParseOptions>(
  options: O,
  help: string,
): { values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>["values"]; file: string } | number {
  const parsed = parseCommand(options, help);
  if (typeof parsed === "number") return parsed;
  if (parsed.positionals.length !== 1) {
    console.error(help);
    return 2;
  }
  return { values: parsed.values, file: parsed.positionals[0] };
}
