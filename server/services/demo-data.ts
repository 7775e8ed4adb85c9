/**
 * The demo data as `npm start` and `npm run db:seed` load it: db/seed.ts's rows (users, library,
 * assessments, four weeks of sessions), then a generated program for each demo athlete whose answers
 * are current, built by the same code athletes use. db/ cannot call server code, so this composes both.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessments, splits, users } from "@/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/db/seed";
import { isEquipmentChoice } from "@/lib/equipment";
import { hashPassword } from "@/server/auth/passwords";
import { regenerateProgram } from "./program";

export async function loadDemoData(db: Db, options: { now?: Date } = {}): Promise<string> {
  const summary = await seedDemoData(db, { hashPassword, now: options.now });
  const programs = await buildDemoPrograms(db);
  return `${summary}, ${programs} generated program${programs === 1 ? "" : "s"}`;
}

/**
 * A program for every demo athlete with a complete single-choice answer (the flagged, to-be-flagged and
 * legacy demo accounts show the re-assessment path instead). Dated to before their first logged session, as if
 * they had built it when they started: their history, logged from their own split, stays what the
 * dashboard's "next workout" follows.
 */
async function buildDemoPrograms(db: Db): Promise<number> {
  const rows = await db
    .select({ userId: users.id, equipment: assessments.equipment, items: assessments.equipmentItems })
    .from(users)
    .innerJoin(assessments, eq(assessments.userId, users.id))
    .where(
      and(
        inArray(users.email, Object.values(DEMO_ACCOUNTS)),
        eq(users.role, "athlete"),
        eq(assessments.needsReassessment, false),
      ),
    );
  const athletes = rows
    // basic_equipment with no items is what the equipment migration flags: that account shows the prompt.
    .filter(
      (row) =>
        isEquipmentChoice(row.equipment) &&
        !(row.equipment === "basic_equipment" && !(Array.isArray(row.items) && row.items.length > 0)),
    )
    .map((row) => row.userId);
  for (const userId of athletes) {
    const { splitId } = await regenerateProgram(db, userId);
    await db
      .update(splits)
      .set({
        createdAt: sql`coalesce((SELECT min(started_at) FROM workout_sessions WHERE user_id = ${userId}) - interval '1 day', ${splits.createdAt})`,
        updatedAt: sql`coalesce((SELECT min(started_at) FROM workout_sessions WHERE user_id = ${userId}) - interval '1 day', ${splits.updatedAt})`,
      })
      .where(eq(splits.id, splitId));
  }
  return athletes.length;
}
