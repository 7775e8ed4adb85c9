/**
 * The upload's bytes as they arrive, refused (413) the moment they pass the limit, and the query
 * string the upload page sends with the file (its name and the athlete's time zone), checked with zod.
 */
import { UserFacingError } from "@/lib/errors";
import { formatLimit } from "@/lib/http/limits";
import { safeTimeZone } from "@/lib/time-zone";
import { hasUnsafeCharacters } from "@/lib/text";
import { z } from "@/lib/zod";

export class HistoryFileTooLargeError extends UserFacingError {
  constructor(readonly limitBytes: number) {
    super(
      `This file is larger than ${formatLimit(limitBytes)}, the most Ironlog reads at once (a ten-year Strong export is about 5 MB). Nothing was saved.`,
      {
        status: 413,
        code: "payload_too_large",
      },
    );
  }
}

export const uploadQuerySchema = z.object({
  // Never refused: a name is only shown back to the athlete, cut and cleaned of what cannot be stored.
  name: z
    .string()
    .optional()
    .transform(
      (v) =>
        [...(v ?? "").slice(0, 200)]
          .filter((c) => !hasUnsafeCharacters(c))
          .join("")
          .trim() || "history.csv",
    ),
  tz: z
    .string()
    .optional()
    .transform((v) => safeTimeZone(v)),
});

/** The body's chunks, throwing HistoryFileTooLargeError once more than `limitBytes` have come. */
export async function* limitedChunks(body: ReadableStream<Uint8Array> | null, limitBytes: number): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > limitBytes) throw new HistoryFileTooLargeError(limitBytes);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
