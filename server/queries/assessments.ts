import "server-only";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { assessments } from "@/db/schema";

/**
 * The athlete's assessment, read once per request (React cache): the athlete layout reads it for the
 * re-assessment prompt and several pages read it again for their own content.
 */
export const getAssessmentForUser = cache(async (userId: number) => {
  const db = await getDb();
  const [row] = await db.select().from(assessments).where(eq(assessments.userId, userId)).limit(1);
  return row ?? null;
});
