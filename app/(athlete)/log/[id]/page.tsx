import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { SessionLogger } from "@/components/athlete/logger/session-logger";
import { loggerSession } from "@/server/queries/logger";
import { loggerHistory } from "@/lib/athlete/logging-context";
import { formatDay } from "@/components/athlete/format";
import { slotSuggestions } from "@/lib/athlete/slot-suggestions";
import { plateSetupFor } from "@/lib/athlete/plate-setup";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { sessionRefFromSegment } from "@/lib/athlete/session-ref";
import { deleteSessionAction, exerciseContextAction, exerciseOptionsAction } from "@/app/(athlete)/log/actions";

export const metadata: Metadata = { title: "Log" };

export default async function LogSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const segment = (await params).id;
  const ref = sessionRefFromSegment(segment) ?? notFound();
  const { user, db } = await athletePage(`/log/${segment}`);
  // The logger is the page athletes open most, on a phone between sets: one statement reads the
  // session, its plan and the history it needs. The exercise list for "add exercise" is fetched only
  // when the picker opens.
  const [data, timeZone] = await Promise.all([loggerSession(db, user.id, ref), requestTimeZone()]);
  if (!data) notFound();
  const { session, snapshot, context, exerciseTypes } = data;
  const { previous, recordSets } = loggerHistory(context, (date) => formatDay(date, timeZone));

  return (
    <SessionLogger
      back={
        <Link href={session.finishedAt ? `/history/${session.id}` : "/log"} className="text-slate-600 hover:underline">
          ← {session.finishedAt ? "Back to the session" : "All workouts"}
        </Link>
      }
      deleteAction={deleteSessionAction}
      userId={user.id}
      serverSession={snapshot}
      unit={user.weightUnit}
      startedAt={session.startedAt.toISOString()}
      alreadyFinished={session.finishedAt !== null}
      previous={previous}
      recordSets={recordSets}
      plates={plateSetupFor(user.plateSetup, user.weightUnit)}
      barbellExercises={[...exerciseTypes].filter(([, type]) => type === "barbell").map(([id]) => id)}
      suggestions={session.finishedAt ? {} : slotSuggestions(snapshot.exercises, context.recent, exerciseTypes, user.weightUnit)}
      exerciseContextAction={exerciseContextAction}
      exerciseOptionsAction={exerciseOptionsAction}
    />
  );
}
