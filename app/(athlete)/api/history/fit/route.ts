import { getDb } from "@/server/db";
import { defineRoute } from "@/server/auth/guards";
import { requestTimeZone } from "@/server/athlete-page";
import { FIT_MESSAGES, workoutsZipResponse } from "@/server/fit/workout-fit";
import { fitRangeSchema } from "@/lib/fit/range";
import { z } from "@/lib/zod";

/**
 * GET /api/history/fit?from=YYYY-MM-DD&to=YYYY-MM-DD: every finished workout started on those days (the
 * athlete's time zone, both days included) as a zip of Garmin FIT files, streamed.
 */
export const GET = defineRoute("athlete", async (request, { user }) => {
  const query = new URL(request.url).searchParams;
  const parsed = fitRangeSchema.safeParse({ from: query.get("from") ?? "", to: query.get("to") ?? "" });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>);
    return Response.json({ error: "Choose the days to download: see the fields.", fieldErrors }, { status: 422 });
  }
  const [db, timeZone] = await Promise.all([getDb(), requestTimeZone()]);
  const zip = await workoutsZipResponse(db, user.id, parsed.data, timeZone);
  return (
    zip ?? Response.json({ error: FIT_MESSAGES.noneInRange, fieldErrors: { from: [FIT_MESSAGES.noneInRange] } }, { status: 404 })
  );
});
