/**
 * Downloads that grow with the data (reports, exports, lists) are streamed: chunks are pulled from an
 * async iterable only as fast as the client reads, so memory stays flat at any size, and a client
 * that goes away stops the query behind it.
 */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<string> | undefined;
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
            if (value) {
              controller.enqueue(encoder.encode(value));
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

export function downloadResponse(chunks: AsyncIterable<string>, options: { filename: string; contentType: string }): Response {
  return new Response(textStream(chunks), {
    headers: {
      "content-type": options.contentType,
      "content-disposition": `attachment; filename="${options.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
