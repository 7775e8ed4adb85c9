import "server-only";

import { eq, type SQL } from "drizzle-orm";
import { workoutSessions } from "@/db/schema";
import type { SessionRef } from "@/lib/athlete/session-ref";

/** The condition naming one session by its key or its uid (the athlete's own is a separate condition). */
export function sessionIs(ref: SessionRef): SQL {
  return typeof ref === "number" ? eq(workoutSessions.id, ref) : eq(workoutSessions.uid, ref.uid);
}
