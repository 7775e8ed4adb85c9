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

/**
 * An upload's body, read once: its chunks (throwing HistoryFileTooLargeError once more than
 * `limitBytes` have come), and `drain` for when the answer comes before the end (a file refused by
 * its first line). Drained, the rest is read and dropped up to the limit, so the client reads the
 * answer and can use the connection again; cancelling the body instead resets the connection under
 * the client while it is still sending. Past the limit the body is cancelled: no more is read.
 */
export function limitedBody(body: ReadableStream<Uint8Array> | null, limitBytes: number) {
  const reader = body?.getReader() ?? null;
  let total = 0;
  let finished = reader === null;
  const next = async () => {
    const result = await reader!.read();
    if (result.done) finished = true;
    else total += result.value.byteLength;
    return result;
  };
  return {
    async *chunks(): AsyncGenerator<Uint8Array> {
      while (!finished) {
        const { value, done } = await next();
        if (done) return;
        if (total > limitBytes) throw new HistoryFileTooLargeError(limitBytes);
        yield value;
      }
    },
    async drain(): Promise<void> {
      try {
        while (!finished && total <= limitBytes) await next();
      } catch {
        // The client went away: there is no one left to answer.
      }
      if (!finished) await reader!.cancel().catch(() => {});
    },
  };
}
