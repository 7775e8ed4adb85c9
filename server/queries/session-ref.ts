import "server-only";

import { eq, or, sql, type SQL } from "drizzle-orm";
import { workoutSessions } from "@/db/schema";
import type { SessionRef } from "@/lib/athlete/session-ref";

/**
 * The condition naming one session by its key or its uid (the athlete's own is a separate condition).
 * A uid also names the workout it was merged into (workout_sessions.merged_uids).
 */
export function sessionIs(ref: SessionRef): SQL {
  if (typeof ref === "number") return eq(workoutSessions.id, ref);
  return or(eq(workoutSessions.uid, ref.uid), sql`${workoutSessions.mergedUids} @> ARRAY[${ref.uid}]::uuid[]`)!;
}
