import { describe, expect, it } from "vitest";
import { downloadResponse, textStream } from "./download";

async function* lines(n: number, produced: { count: number; finished: boolean }) {
  try {
    for (let i = 0; i < n; i++) {
      produced.count++;
      yield `line ${i}\n`;
    }
  } finally {
    produced.finished = true;
  }
}

describe("streamed downloads", () => {
  it("delivers every chunk as UTF-8 text, in order", async () => {
    async function* chunks() {
      yield "naïve,";
      yield "";
      yield "café\n";
    }
    expect(await new Response(textStream(chunks())).text()).toBe("naïve,café\n");
  });

  it("passes bytes through as they are, beside text", async () => {
    async function* chunks() {
      yield new Uint8Array([0x50, 0x4b, 0xff, 0x00]);
      yield new Uint8Array([]);
      yield "!";
    }
    expect([...new Uint8Array(await new Response(textStream(chunks())).arrayBuffer())]).toEqual([0x50, 0x4b, 0xff, 0x00, 0x21]);
  });

  it("pulls chunks only as the reader asks for them", async () => {
    const produced = { count: 0, finished: false };
    const reader = textStream(lines(1_000_000, produced)).getReader();
    await reader.read();
    await reader.read();
    expect(produced.count).toBeLessThan(10);
    await reader.cancel();
    // A client that goes away ends the generator, which releases whatever it held (a transaction).
    expect(produced.finished).toBe(true);
  });

  it("fails the download when the source fails halfway", async () => {
    async function* failing() {
      yield "first\n";
      throw new Error("connection lost");
    }
    const original = console.error;
    console.error = () => {};
    try {
      await expect(new Response(textStream(failing())).text()).rejects.toThrow("connection lost");
    } finally {
      console.error = original;
    }
  });

  it("names the file and keeps it out of caches", () => {
    const response = downloadResponse(lines(1, { count: 0, finished: false }), {
      filename: "run 7 report.csv",
      contentType: "text/csv",
    });
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="run_7_report.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
