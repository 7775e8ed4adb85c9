import "server-only";

/**
 * Saving the assessment and (re)building the generated program from it. The program is a `splits`
 * row with source `generated`; regenerating replaces it. Saving answers and rebuilding the program
 * happen in one transaction, so an athlete never sees new answers with the old program.
 */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessments, splits, users } from "@/db/schema";
import {
  type AssessmentAnswers,
  type EquipmentAnswer,
  type ProgramAnswers,
  programAnswersFromAssessment,
} from "@/lib/athlete/assessment";
import { NotFoundError } from "@/lib/errors";
import { insertDays } from "./splits";
import { previewProgram } from "@/server/queries/program";
import { getGeneratedProgram, getSplit, type SplitView } from "@/server/queries/splits";

/**
 * Replace the athlete's generated program. The user row is locked first, so two regenerations at
 * once (two tabs) queue rather than leaving two programs.
 */
async function replaceGeneratedProgram(tx: DbOrTx, userId: number, answers: ProgramAnswers): Promise<number> {
  await tx.execute(sql`SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} FOR UPDATE`);
  const program = await previewProgram(tx, answers);
  const [previous] = await tx
    .delete(splits)
    .where(and(eq(splits.userId, userId), eq(splits.source, "generated")))
    .returning({ position: splits.position });
  const [split] = await tx
    .insert(splits)
    .values({ userId, name: program.name, source: "generated", position: previous?.position ?? 0 })
    .returning({ id: splits.id });
  await insertDays(
    tx,
    split.id,
    program.days.map((day) => ({
      name: day.name,
      exercises: day.exercises.map((e) => ({
        exerciseId: e.exerciseId,
        targetSets: e.targetSets,
        targetRepsMin: e.targetRepsMin,
        targetRepsMax: e.targetRepsMax,
        note: e.why,
      })),
    })),
  );
  return split.id;
}

/** Onboarding and profile: store every answer, clear any re-assessment flag, rebuild the program. */
export async function saveAssessment(db: DbOrTx, userId: number, answers: AssessmentAnswers): Promise<number> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const values = {
      sport: answers.sport,
      age: answers.age,
      experienceLevel: answers.experienceLevel,
      goal: answers.goal,
      daysPerWeek: answers.daysPerWeek,
      equipment: answers.equipment,
      equipmentItems: answers.items,
      // Answering the equipment question again is what the re-assessment prompt asks for.
      needsReassessment: false,
      reassessmentReason: null,
      flaggedAt: null,
      updatedAt: now,
    };
    await tx
      .insert(assessments)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: assessments.userId, set: values });
    return replaceGeneratedProgram(tx, userId, { ...answers });
  });
}

/**
 * The re-assessment form: new equipment answer, flag cleared, program rebuilt, in one transaction.
 * The other answers are kept; legacy rows missing some get safe defaults for planning only.
 */
export async function saveEquipmentReassessment(db: DbOrTx, userId: number, answer: EquipmentAnswer): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(assessments)
      .set({
        equipment: answer.equipment,
        equipmentItems: answer.items,
        needsReassessment: false,
        reassessmentReason: null,
        flaggedAt: null,
        updatedAt: new Date(),
      })
      .where(eq(assessments.userId, userId))
      .returning();
    if (!row) throw new NotFoundError("Your assessment");
    return replaceGeneratedProgram(tx, userId, programAnswersFromAssessment(row));
  });
}

/** What makes two programs the same to the athlete: name, days, and each day's exercises with their targets. */
function programShape(program: SplitView | null): string {
  if (!program) return "";
  return JSON.stringify([
    program.name,
    program.days.map((d) => [
      d.name,
      d.exercises.map((e) => [e.exerciseId, e.targetSets, e.targetRepsMin, e.targetRepsMax, e.supersetGroup]),
    ]),
  ]);
}

/**
 * "Regenerate" on the program page: rebuild from the stored answers. The generator is deterministic,
 * so the same answers give the same program: `changed` says whether it differs, for the page to say so.
 */
export async function regenerateProgram(db: DbOrTx, userId: number): Promise<{ splitId: number; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(assessments).where(eq(assessments.userId, userId)).limit(1);
    if (!row) throw new NotFoundError("Your assessment");
    const before = programShape(await getGeneratedProgram(tx, userId));
    const splitId = await replaceGeneratedProgram(tx, userId, programAnswersFromAssessment(row));
    return { splitId, changed: programShape(await getSplit(tx, userId, splitId)) !== before };
  });
}
