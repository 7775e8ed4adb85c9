import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments } from "@/db/schema";

export async function getAssessmentForUser(userId: number) {
  const db = await getDb();
  const [row] = await db.select().from(assessments).where(eq(assessments.userId, userId)).limit(1);
  return row ?? null;
}
