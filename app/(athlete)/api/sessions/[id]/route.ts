import { getDb } from "@/server/db";
import { saveSessionChanges } from "@/server/services/sessions";
import { sessionSnapshot } from "@/server/queries/session-snapshot";
import { defineRoute } from "@/server/auth/guards";
import { issuesByPath, sessionSaveSchema } from "@/lib/athlete/session-sync";
import { UserFacingError } from "@/lib/errors";
import { sessionRefFromSegment } from "@/lib/athlete/session-ref";
import { readJsonBody } from "@/lib/http/read-body";
import { SESSION_SAVE_BODY_LIMIT } from "@/lib/http/limits";

const notFound = () => Response.json({ error: "That session was not found." }, { status: 404 });

/**
 * PUT /api/sessions/:id (the server's key, or the uid the device that started the session gave it):
 * one device's changes to a session (lib/athlete/session-sync), merged by
 * identity into what is stored; answers with the merged session and the changes that did not land
 * as sent. A route handler rather than a server action so the logger can retry from its offline
 * queue with plain fetch, and so the benchmark can drive it. Errors come back by field
 * ("sets.2.values.reps") for the logger to show on the row. The first save of a workout started on
 * a device with no signal says how it was started (`start`) and creates it.
 */
export const PUT = defineRoute<{ id: string }>("athlete", async (request, { user, params }) => {
  const ref = sessionRefFromSegment(params.id);
  if (ref === undefined) return notFound();
  const body = await readJsonBody(request, { limitBytes: SESSION_SAVE_BODY_LIMIT });
  const parsed = sessionSaveSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json(
      { error: "Some values were not saved: see the highlighted fields.", fieldErrors: issuesByPath(parsed.error) },
      { status: 422 },
    );
  }
  try {
    return Response.json(await saveSessionChanges(await getDb(), user.id, ref, parsed.data));
  } catch (error) {
    if (error instanceof UserFacingError && error.options.field) {
      return Response.json({ error: error.message, fieldErrors: { [error.options.field]: [error.message] } }, { status: 422 });
    }
    throw error;
  }
});

/** GET /api/sessions/:id: the session as stored, polled by an open logger to pick up other devices' changes. */
export const GET = defineRoute<{ id: string }>("athlete", async (_request, { user, params }) => {
  const ref = sessionRefFromSegment(params.id);
  const snapshot = ref === undefined ? null : await sessionSnapshot(await getDb(), user.id, ref);
  return snapshot ? Response.json(snapshot, { headers: { "cache-control": "no-store" } }) : notFound();
});
