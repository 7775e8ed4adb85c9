/**
 * Every route handler reads its body through here, with a limit: a body larger than the limit is
 * refused with 413 before it is read whole (at once from Content-Length when the client sends it, or
 * as soon as the streamed bytes pass the limit), so one request cannot fill the server's memory.
 * Whatever is wrong with a body is a 4xx with a readable message, never a 500.
 */
import { UserFacingError } from "@/lib/errors";
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/text";
import { formatLimit } from "./limits";

export class PayloadTooLargeError extends UserFacingError {
  constructor(readonly limitBytes: number) {
    super(`That request is too large: the limit is ${formatLimit(limitBytes)}. Nothing was saved.`, {
      status: 413,
      code: "payload_too_large",
    });
  }
}

/** The body's bytes, refusing (413) as soon as they pass `limitBytes`; the rest is never read. */
export async function readBodyBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limitBytes) {
    await request.body?.cancel().catch(() => {});
    throw new PayloadTooLargeError(limitBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A JSON body, at most `limitBytes`: 413 when larger, 400 when it is not UTF-8 JSON, and 422 naming the
 * field when a text holds characters the database cannot store (see lib/text.ts).
 */
export async function readJsonBody(request: Request, { limitBytes }: { limitBytes: number }): Promise<unknown> {
  const bytes = await readBodyBytes(request, limitBytes);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new UserFacingError("The request was not valid JSON.", { status: 400, code: "invalid_json" });
  }
  const unsafe = findUnsafeText(body);
  if (unsafe !== undefined) {
    throw new UserFacingError(UNSAFE_TEXT_MESSAGE, { status: 422, code: "invalid_text", field: unsafe || "form" });
  }
  return body;
}
