import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { exerciseContextAction, exerciseOptionsAction } from "@/app/(athlete)/log/actions";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { planDays } from "@/server/queries/plan-days";
import { listSessionsInProgress, loggingContext, sessionStartedAt } from "@/server/queries/sessions";
import { plateSetupFor } from "@/lib/athlete/plate-setup";
import { sessionRefFromSegment } from "@/lib/athlete/session-ref";
import { loggerHistory, plainRecent } from "@/lib/athlete/logging-context";
import { formatDateTime, formatDay, plural } from "@/components/athlete/format";
import { DeviceStart } from "./device-start";

export const metadata: Metadata = { title: "Log" };

/**
 * /log/start?day=<id>&uid=<uuid>: a workout started on the device, which works with no signal. The
 * page carries every day of the athlete's plan and the history the logger shows beside it; the
 * service worker keeps it, and the page lays the workout out in the browser from what the query
 * names. Once the server has the session (its first save), the page sends the athlete to it. A new
 * start (no uid yet) names the workout in progress, if any, so the page can offer it first.
 */
export default async function DeviceStartPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { user, db } = await athletePage("/log/start");
  const { uid } = await searchParams;
  const ref = typeof uid === "string" ? sessionRefFromSegment(uid) : undefined;
  const known = ref !== undefined && typeof ref !== "number" ? await sessionStartedAt(db, user.id, ref) : null;
  if (known) redirect(`/log/${known.id}`);

  const [{ days, types }, timeZone, [inProgress]] = await Promise.all([
    planDays(db, user.id),
    requestTimeZone(),
    ref === undefined ? listSessionsInProgress(db, user.id) : [],
  ]);
  const context = await loggingContext(db, user.id, [...types.keys()], { sessionId: 0, startedAt: new Date() });
  return (
    <DeviceStart
      userId={user.id}
      unit={user.weightUnit}
      days={days}
      inProgress={
        inProgress
          ? {
              id: inProgress.id,
              name: inProgress.name,
              started: formatDateTime(inProgress.startedAt, timeZone),
              sets: plural(inProgress.setCount, "set"),
            }
          : null
      }
      exerciseTypes={[...types]}
      {...loggerHistory(context, (date) => formatDay(date, timeZone))}
      recent={plainRecent(context.recent)}
      plates={plateSetupFor(user.plateSetup, user.weightUnit)}
      exerciseContextAction={exerciseContextAction}
      exerciseOptionsAction={exerciseOptionsAction}
    />
  );
}
