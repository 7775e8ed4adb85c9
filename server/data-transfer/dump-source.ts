/**
 * Where an import reads a dump from. The import reads its source twice (validate everything, then
 * write), so a source is something that can be opened again, not a one-shot stream.
 */
import "server-only";
import fs from "node:fs";
import readline from "node:readline";

export interface DumpSource {
  /** Shown in reports: the file path, or a label. */
  name: string;
  /** The dump's lines, without line terminators, from the start each time it is called. */
  lines(): AsyncIterable<string>;
}

export function fileDumpSource(file: string): DumpSource {
  return {
    name: file,
    lines: () => readline.createInterface({ input: fs.createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity }),
  };
}

/** A dump held in memory, for tests and small uploads. */
export function textDumpSource(text: string, name = "(text)"): DumpSource {
  return {
    name,
    async *lines() {
      const lines = text.split(/\r?\n/);
      // A final newline does not start another line.
      if (lines.at(-1) === "") lines.pop();
      yield* lines;
    },
  };
}
