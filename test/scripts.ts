import path from "node:path";

/**
 * How tests start a command-line script: the project's own tsx (`npx` would add seconds per run on a
 * busy machine) with the react-server condition, as `npm run` does, so `server-only` modules load.
 */
export const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

export function scriptArgs(script: string, args: readonly string[] = []): string[] {
  return ["--conditions=react-server", `scripts/${script}.ts`, ...args];
}

/**
 * The migrate command as `npm run migrate` starts it: one node process with tsx as a loader, so
 * Ctrl-C reaches the command's own handler (the tsx binary relays signals to a child process and
 * kills it when it does not answer within 30 ms, which a busy run cannot).
 */
export function nodeScriptArgs(script: string, args: readonly string[] = []): string[] {
  return ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args];
}
