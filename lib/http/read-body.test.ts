import { describe, expect, it } from "vitest";
import { PayloadTooLargeError, readJsonBody } from "./read-body";

const LIMIT = 1024;

/** A request whose body is streamed in chunks without a Content-Length, counting what was pulled. */
function streamedRequest(
  chunk: Uint8Array,
  chunks: number,
  headers: Record<string, string> = {},
): { request: Request; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= chunks) return controller.close();
      sent++;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://app.test/api", { method: "PUT", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => sent };
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; code?: string; field?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as PayloadTooLargeError;
    return { status: e.status, code: e.options.code, field: e.options.field, message: e.message };
  }
  throw new Error("expected a refusal");
}

describe("readJsonBody", () => {
  it("reads a JSON body within the limit", async () => {
    const request = new Request("http://app.test/api", { method: "PUT", body: JSON.stringify({ name: "Legs", notes: "a\nb" }) });
    expect(await readJsonBody(request, { limitBytes: LIMIT })).toEqual({ name: "Legs", notes: "a\nb" });
  });

  it("refuses with 413 from Content-Length alone, without reading the body", async () => {
    const { request, pulled } = streamedRequest(new Uint8Array(512), 1000, { "content-length": String(512 * 1000) });
    expect(request.headers.get("content-length")).toBe("512000");
    expect(await failure(readJsonBody(request, { limitBytes: LIMIT }))).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { request, pulled } = streamedRequest(new Uint8Array(300).fill(32), 100_000);
    const refused = await failure(readJsonBody(request, { limitBytes: LIMIT }));
    expect(refused.status).toBe(413);
    expect(refused.message).toBe("That request is too large: the limit is 1 kB. Nothing was saved.");
    // 4 chunks of 300 bytes pass 1024; the stream may have queued one more, never the 100,000.
    expect(pulled()).toBeLessThan(10);
  });

  it.each([
    ["not JSON", "{"],
    ["an empty body", ""],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d])],
  ])("answers 400 for %s", async (_what, body) => {
    const request = new Request("http://app.test/api", { method: "PUT", body });
    expect(await failure(readJsonBody(request, { limitBytes: LIMIT }))).toMatchObject({ status: 400, code: "invalid_json" });
  });

  it("answers 422 naming the field that holds a NUL or a lone surrogate", async () => {
    const nul = new Request("http://app.test/api", { method: "PUT", body: '{"name":"Legs","sets":[{"notes":"a\\u0000"}]}' });
    expect(await failure(readJsonBody(nul, { limitBytes: LIMIT }))).toMatchObject({ status: 422, field: "sets.0.notes" });
    const surrogate = new Request("http://app.test/api", { method: "PUT", body: '{"name":"\\ud800"}' });
    expect(await failure(readJsonBody(surrogate, { limitBytes: LIMIT }))).toMatchObject({ status: 422, field: "name" });
  });
});
