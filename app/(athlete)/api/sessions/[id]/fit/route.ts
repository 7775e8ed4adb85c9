import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { workoutFitResponse } from "@/server/fit/workout-fit";
import { parseId } from "@/lib/ids";

/** GET /api/sessions/:id/fit: one of the athlete's finished workouts as a Garmin FIT file (docs/garmin-fit.md). */
export const GET = defineRoute<{ id: string }>("athlete", async (_request, { user, params }) =>
  workoutFitResponse(await getDb(), user.id, parseId(params.id)),
);
