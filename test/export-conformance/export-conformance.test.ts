/**
 * Every real export in ../shared/real-exports (files people published; see SOURCES.md there) read as
 * an upload is, held to what expected-counts.csv says each holds (per file only its name, blob id and counts: the
 * exports themselves stay outside the repository). That table is derived once, without this
 * parser, by derive-expected.py beside it; a file the parser cannot read whole yet is marked there
 * with the reason (`known_gap`) and skipped here by name.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseHistoryFile } from "@/lib/history-import/parse-file";
import { weightUnitHint } from "@/lib/history-import/unit-hint";

const EXPORTS = path.join(process.cwd(), "..", "shared", "real-exports");
const present = fs.existsSync(EXPORTS);

interface Expected {
  file: string;
  blob: string;
  app: string;
  workouts: string;
  sets: string;
  rest_timers: string;
  missed: string;
  problems: string;
  known_gap: string;
}

const table: Expected[] = parse(fs.readFileSync(path.join(__dirname, "expected-counts.csv")), { columns: true });

/** Git's blob id, so the table names the exact bytes it was derived from. */
function blobId(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

describe("the real exports folder", () => {
  it("is beside the repository (CI requires it; elsewhere its absence skips the checks below)", (context) => {
    // A newcomer's clone may have no ../shared: say so rather than fail. CI always has it.
    if (!present && process.env.CI !== "true") context.skip(`${EXPORTS} is not there: the real-export checks are skipped`);
    expect(present, `${EXPORTS} is missing`).toBe(true);
  });
});

// Only where ../shared/real-exports is (the test above fails without it in CI).
describe.runIf(present)("reading every real export whole", () => {
  for (const expected of table) {
    const name = `${expected.file} (${expected.app})`;
    it(`${name}: ${expected.app === "jefit" ? "is refused with a message naming JEFIT" : "finds the workouts, sets, rest timers, missed attempts and problems the table lists"}`, async (context) => {
      // The table may mark a file the parser cannot read whole yet, with the reason; none is marked today.
      if (expected.known_gap) context.skip(`known gap: ${expected.known_gap}`);
      const file = path.join(EXPORTS, expected.file);
      expect(blobId(fs.readFileSync(file)), "the file is not the one the table was derived from").toBe(expected.blob);
      const result = await parseHistoryFile(fs.createReadStream(file), { timeZone: "UTC" });
      if (expected.app === "jefit") {
        expect(result).toMatchObject({ ok: false, error: expect.stringContaining("JEFIT") });
        return;
      }
      if (!result.ok) throw new Error(`refused: ${result.error}`);
      const sets = result.workouts.flatMap((w) => w.exercises.flatMap((e) => e.sets));
      expect({
        workouts: result.workouts.length,
        sets: sets.filter((s) => !s.missed).length,
        restTimers: result.summary.restTimers ?? 0,
        missed: sets.filter((s) => s.missed).length,
        problems: result.summary.problemCount,
      }).toEqual({
        workouts: Number(expected.workouts),
        sets: Number(expected.sets),
        restTimers: Number(expected.rest_timers),
        missed: Number(expected.missed),
        problems: Number(expected.problems),
      });
      // Where the file names one unit for every weight, the hint read from the weights alone never
      // contradicts it (it may say nothing).
      const named = new Set(sets.filter((s) => s.weight).map((s) => s.weightUnit));
      if (named.size === 1 && !named.has(undefined) && !named.has(null)) {
        const counts = new Map<number, number>();
        for (const s of sets) if (s.weight) counts.set(s.weight, (counts.get(s.weight) ?? 0) + 1);
        expect([null, [...named][0]]).toContain(weightUnitHint(counts)?.unit ?? null);
      }
    });
  }
});
