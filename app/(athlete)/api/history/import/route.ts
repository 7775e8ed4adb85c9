import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { createPreview } from "@/server/history-import/previews";
import { parseHistoryFile } from "@/lib/history-import/parse-file";
import { HistoryFileTooLargeError, limitedBody, uploadQuerySchema } from "@/lib/history-import/upload";
import { HISTORY_IMPORT_BODY_LIMIT } from "@/lib/http/limits";

/**
 * POST /api/history/import?name=<file name>&tz=<time zone>, the file itself as the body: parsed as it
 * streams in (never `request.formData()`, which would hold the whole file), kept as a preview, and
 * answered with the preview's id. Outside the proxy's matcher (proxy.ts), so Next does not buffer the
 * body for it; next.config.ts gives this path its security headers instead. A file refused by its
 * first line is answered once the rest has been read (up to the limit), so the browser reads the
 * answer; one that declares more than the limit is refused at once, as no reading could accept it.
 */
export const POST = defineRoute("athlete", async (request, { user }) => {
  const declared = Number(request.headers.get("content-length"));
  if (declared > HISTORY_IMPORT_BODY_LIMIT) {
    await request.body?.cancel().catch(() => {});
    throw new HistoryFileTooLargeError(HISTORY_IMPORT_BODY_LIMIT);
  }
  const url = new URL(request.url);
  const query = uploadQuerySchema.parse({
    name: url.searchParams.get("name") ?? undefined,
    tz: url.searchParams.get("tz") ?? undefined,
  });
  const body = limitedBody(request.body, HISTORY_IMPORT_BODY_LIMIT);
  const parsed = await parseHistoryFile(body.chunks(), { timeZone: query.tz }).finally(() => body.drain());
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 422 });
  const previewId = await createPreview(await getDb(), user.id, query.name, parsed.summary, parsed.workouts);
  return Response.json({ previewId, workouts: parsed.summary.workouts, sets: parsed.summary.sets }, { status: 201 });
});
