/**
 * Downloads that grow with the data (reports, exports, lists) are streamed: chunks are pulled from an
 * async iterable only as fast as the client reads, so memory stays flat at any size, and a client
 * that goes away stops the query behind it.
 */
export function textStream(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<string | Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= chunks[Symbol.asyncIterator]();
        try {
          // Skip empty chunks so every pull delivers bytes (or closes).
          for (;;) {
            const { value, done } = await iterator.next();
            if (done) {
              controller.close();
              return;
            }
            if (value.length) {
              // Text is encoded as UTF-8; bytes (a zip being written) pass as they are.
              controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
              return;
            }
          }
        } catch (error) {
          // The headers are gone already: erroring the stream aborts the response, so the client sees
          // a failed download rather than a file that silently ends early.
          console.error("Streamed download failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator?.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

type DownloadOptions = { filename: string; contentType: string };

/** The headers of a file to save: its type, its name (plain characters only) and no caching. */
function downloadHeaders(options: DownloadOptions): HeadersInit {
  return {
    "content-type": options.contentType,
    "content-disposition": `attachment; filename="${options.filename.replace(/[^\w.-]/g, "_")}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}

export function downloadResponse(chunks: AsyncIterable<string | Uint8Array>, options: DownloadOptions): Response {
  return new Response(textStream(chunks), { headers: downloadHeaders(options) });
}

/** A small file made whole in memory (one workout's FIT file), with the same headers as a streamed one. */
export function fileResponse(bytes: Uint8Array<ArrayBuffer>, options: DownloadOptions): Response {
  return new Response(bytes, { headers: { ...downloadHeaders(options), "content-length": String(bytes.byteLength) } });
}
