import "server-only";
import fs from "node:fs";

/**
 * Read a dumpdata file. It is one JSON array, parsed whole: legacy dumps are the old system's size,
 * and its records refer to each other in any order.
 */
export function readLegacyDump(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
}
