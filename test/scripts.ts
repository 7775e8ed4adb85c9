import path from "node:path";

/**
 * How tests start a command-line script: the project's own tsx (`npx` would add seconds per run on a
 * busy machine) with the react-server condition, as `npm run` does, so `server-only` modules load.
 */
export const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

export function scriptArgs(script: string, args: readonly string[] = []): string[] {
  return ["--conditions=react-server", `scripts/${script}.ts`, ...args];
}
