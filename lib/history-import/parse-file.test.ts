import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunksOf } from "@/test/history-files";
import { parseHistoryFile } from "./parse-file";
import { HistoryFileTooLargeError, limitedBody } from "./upload";

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "test/fixtures/history", name));
/** Small chunks, so rows and quoted cells are split across them as on the network. */
const parse = (bytes: string | Uint8Array, timeZone = "Europe/Berlin") => parseHistoryFile(chunksOf(bytes, 97), { timeZone });

describe("parsing Strong's export (fixture: BOM, CRLF, a blank line, quoted newlines)", () => {
  it("finds every workout and set, leaves the unit to ask for, and lists the rows it cannot read by their line", async () => {
    const result = await parse(fixture("strong.csv"));
    expect(result).toMatchObject({
      ok: true,
      summary: { format: "strong", weightUnitInFile: null, workouts: 22, sets: 302, problemCount: 2 },
    });
    if (!result.ok) return;
    expect(result.summary.problems).toEqual([
      { line: 306, reason: "The date “03/05/2024 18:02” is not in the form 2024-03-05 18:02:11." },
      { line: 308, reason: "RPE 11 is outside 1–10." },
    ]);
    const plank = result.workouts.find((w) => w.name === "Core")!;
    expect(plank.exercises).toEqual([
      { name: "Plank", notes: null, supersetId: null, sets: [expect.objectContaining({ line: 307, reps: 0, seconds: 60 })] },
    ]);
    expect(result.summary.exercises.find((e) => e.name === "Plank")).toEqual({ name: "Plank", sets: 1, measure: "time" });
    const last = result.workouts.at(-1)!;
    expect(last.startedAt).toBe("2024-03-06T17:00:00.000Z");
    // Strong's Notes are the exercise's, written on its first row.
    expect(last.exercises[0].notes).toBe("a note, with a comma\r\nand a second line");
    expect(last.exercises[0].sets[0]).toMatchObject({ line: 309, rpe: 8 });
  });
});

describe("parsing Strong's older export (fixture: semicolons, kg and lbs row by row)", () => {
  it("reports the mixed units; each set keeps its own", async () => {
    const result = await parse(fixture("strong-legacy.csv"));
    expect(result).toMatchObject({
      ok: true,
      summary: { format: "strong_legacy", weightUnitInFile: "mixed", workouts: 20, sets: 300, problemCount: 0 },
    });
    if (!result.ok) return;
    expect(result.workouts[0].exercises[0].sets[0].weightUnit).toBe("kg");
    expect(result.workouts.at(-1)!.exercises[0].sets[0].weightUnit).toBe("lb");
  });
});

describe("parsing Hevy's export (fixture: warm-ups, a superset, an unknown set type, a run)", () => {
  it("reads its unit from the header, its sets, supersets and a run, and lists the row it cannot read", async () => {
    const result = await parse(fixture("hevy.csv"));
    expect(result).toMatchObject({
      ok: true,
      summary: { format: "hevy", weightUnitInFile: "kg", workouts: 22, sets: 303, problemCount: 1 },
    });
    if (!result.ok) return;
    expect(result.summary.problems.map((p) => p.line)).toEqual([302]);
    const run = result.workouts.at(-1)!;
    expect(run.exercises[0].sets[0]).toMatchObject({ line: 305, distance: 5.2, distanceUnit: "km", seconds: 1800 });
    const upper = result.workouts.at(-2)!;
    expect(upper).toMatchObject({ name: "Upper", startedAt: "2025-03-05T17:02:00.000Z", durationSeconds: 4080 });
    expect(upper.exercises.map((e) => [e.name, e.supersetId])).toEqual([
      ["Bench Press (Barbell)", "1"],
      ["Pull Up", "1"],
    ]);
    expect(result.workouts[0].exercises[0].sets[0].setType).toBe("warmup");
  });
});

describe("reading what real exports hold", () => {
  const strongHeader = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";

  it("reads a file whose lines end in CRLF and some in a bare LF", async () => {
    const text = `${strongHeader}\r\n2024-03-05 18:02:11,Push,1h,Bench,1,80,8,,,,,\n2024-03-05 18:02:11,Push,1h,Bench,2,80,8,,,"two\r\nlines",,\r\n2024-03-05 18:02:11,Push,1h,Bench,3,80,8,,,,,\r\n`;
    expect(await parse(text)).toMatchObject({ ok: true, summary: { sets: 3, problemCount: 0 } });
  });

  it("sets rest-timer rows aside and counts them, and keeps a failed attempt as missed", async () => {
    const text = `${strongHeader}\n2024-03-05 18:02:11,Legs,1h,Squat (Barbell),1,140,5,0,0,,,\n2024-03-05 18:02:11,Legs,1h,Squat (Barbell),Rest Timer,0,0,0,180,,,\n2024-03-05 18:02:11,Legs,1h,Squat (Barbell),F,160,0,0,0,,,\n`;
    const result = await parse(text);
    expect(result).toMatchObject({ ok: true, summary: { sets: 2, restTimers: 1, problemCount: 0 } });
    if (!result.ok) return;
    expect(result.workouts[0].exercises[0].sets.map((s) => [s.line, s.weight, s.missed ?? false])).toEqual([
      [2, 140, false],
      [4, 160, true],
    ]);
  });

  it("reads Strong's semicolon layout written without a header row, numbering lines from the first set", async () => {
    const text =
      '2020-12-05 15:44:36;"Chest";"Bench Press (Barbell)";1;35;lbs;10;;;;0;"";""\n2020-12-05 15:44:36;"Chest";"Bench Press (Barbell)";2;35;lbs;;;;;0;;\n';
    const result = await parse(text);
    expect(result).toMatchObject({
      ok: true,
      summary: { format: "strong_legacy", weightUnitInFile: "lb", sets: 2, problemCount: 0 },
    });
    if (!result.ok) return;
    expect(result.workouts[0].exercises[0].sets.map((s) => s.line)).toEqual([1, 2]);
  });

  it("reads FitNotes, a workout per day", async () => {
    const text =
      "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n2025-04-29,Bench Press,Chest,60.0,kgs,5,,,\n2025-04-29,Bench Press,Chest,60.0,kgs,5,,,\n2025-05-01,Running,Cardio,,,,5.0,km,0:25:00\n";
    const result = await parse(text, "UTC");
    expect(result).toMatchObject({ ok: true, summary: { format: "fitnotes", weightUnitInFile: "kg", workouts: 2, sets: 3 } });
    if (!result.ok) return;
    expect(result.workouts.map((w) => w.startedAt)).toEqual(["2025-04-29T12:00:00.000Z", "2025-05-01T12:00:00.000Z"]);
  });

  it("refuses a JEFIT backup by name", async () => {
    expect(await parse("\n### SETTING ####\nkey,value\n")).toMatchObject({ ok: false, error: expect.stringContaining("JEFIT") });
  });
});

describe("bad files get a readable answer", () => {
  it("reads a Strong file saved again with semicolons as the same file", async () => {
    const text = fixture("strong.csv")
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .replaceAll(",", ";");
    expect(await parse(text)).toMatchObject({ ok: true, summary: { format: "strong", workouts: 22, sets: 302 } });
  });

  it("names what it expected for a file of another kind", async () => {
    expect(await parse("name,email\nann,ann@example.com\n")).toMatchObject({
      ok: false,
      error: expect.stringContaining("Expected a Strong export"),
    });
  });

  it("says when no row has a date it knows", async () => {
    const text =
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n05.03.2024 18:02,Push,1h,Bench,1,80,8,,,,,\n";
    expect(await parse(text)).toEqual({
      ok: false,
      error:
        "No set in this file could be read (1 row refused). The first, line 2: The date “05.03.2024 18:02” is not in the form 2024-03-05 18:02:11.",
    });
  });

  it("says where a quote is never closed", async () => {
    const text =
      'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n2024-03-05 18:02:11,Push,1h,Bench,1,80,8,,,"never closed,,\n';
    expect(await parse(text)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot be read as CSV.*quoted cell is never closed/),
    });
  });

  it("reports a row with too many cells by its line, and reads the rest", async () => {
    const text =
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\n2024-03-05 18:02:11,Push,1h,Bench,1,80,8,,,,,\n2024-03-05 18:02:11,Push,1h,Bench,2,80,8,,,a, b,,\n";
    expect(await parse(text)).toMatchObject({
      ok: true,
      summary: { sets: 1, problems: [{ line: 4, reason: expect.stringContaining("13 cells where the header has 12") }] },
    });
  });

  it("reads the rest of a file refused by its first line, up to the limit, before answering", async () => {
    let pulled = 0;
    const stream = (chunks: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("name,email\n"));
        },
        pull(controller) {
          pulled++;
          if (pulled > chunks) controller.close();
          else controller.enqueue(new Uint8Array(10_000).fill(0x41));
        },
      });
    const body = limitedBody(stream(30), 1_000_000);
    expect(await parseHistoryFile(body.chunks(), { timeZone: "UTC" })).toMatchObject({ ok: false });
    await body.drain();
    expect(pulled).toBe(31);

    pulled = 0;
    const tooLong = limitedBody(stream(1000), 100_000);
    await parseHistoryFile(tooLong.chunks(), { timeZone: "UTC" });
    await tooLong.drain();
    // Past the limit nothing more is read.
    expect(pulled).toBeLessThan(15);
  });

  it("says an empty file is empty", async () => {
    expect(await parse("")).toMatchObject({ ok: false, error: expect.stringContaining("empty") });
  });

  it("stops reading a file past the limit, with the limit in the message", async () => {
    const body = () => new Blob([fixture("strong.csv"), new Uint8Array(200_000)]).stream();
    await expect(parseHistoryFile(limitedBody(body(), 100_000).chunks(), { timeZone: "UTC" })).rejects.toThrow(
      HistoryFileTooLargeError,
    );
    await expect(parseHistoryFile(limitedBody(body(), 100_000).chunks(), { timeZone: "UTC" })).rejects.toThrow(
      "This file is larger than 98 kB, the most Ironlog reads at once",
    );
  });
});
