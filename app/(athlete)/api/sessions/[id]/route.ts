import { getDb } from "@/server/db";
import { saveSession } from "@/server/services/sessions";
import { defineRoute } from "@/server/auth/guards";
import { issuesByPath, sessionSaveSchema } from "@/lib/athlete/session-input";
import { UserFacingError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { readJsonBody } from "@/lib/http/read-body";
import { SESSION_SAVE_BODY_LIMIT } from "@/lib/http/limits";

/**
 * PUT /api/sessions/:id: the logger saves the whole session with its sets (one transaction,
 * idempotent, so a retry after a dropped connection is safe). A route handler rather than a server
 * action so the logger can retry from its offline queue with plain fetch, and so the benchmark can
 * drive it. Errors come back by field ("sets.2.reps") for the logger to show on the row.
 */
export const PUT = defineRoute<{ id: string }>("athlete", async (request, { user, params }) => {
  const sessionId = parseId(params.id);
  if (sessionId === undefined) return Response.json({ error: "That session was not found." }, { status: 404 });
  const body = await readJsonBody(request, { limitBytes: SESSION_SAVE_BODY_LIMIT });
  const parsed = sessionSaveSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: "Please correct the highlighted sets.", fieldErrors: issuesByPath(parsed.error) }, { status: 422 });
  }
  try {
    const saved = await saveSession(await getDb(), user.id, sessionId, parsed.data);
    return Response.json({ id: saved.id, updatedAt: saved.updatedAt.toISOString(), finishedAt: saved.finishedAt?.toISOString() ?? null });
  } catch (error) {
    if (error instanceof UserFacingError && error.options.field) {
      return Response.json({ error: error.message, fieldErrors: { [error.options.field]: [error.message] } }, { status: 422 });
    }
    throw error;
  }
});
