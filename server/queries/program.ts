import "server-only";

/**
 * What program generation reads: the built-in library with each exercise's muscles, and the program
 * a set of answers would produce. Saving answers and the program is in server/services/program.ts.
 */
import { eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exerciseMuscles, exercises, muscles } from "@/db/schema";
import { type ProgramAnswers, programFromAnswers } from "@/lib/athlete/assessment";
import type { GeneratedProgram, ProgramExerciseCandidate } from "@/lib/training/program";
import { asStringList } from "@/server/queries/exercises";

/** The built-in library with its muscles, as program generation reads it. */
export async function loadProgramCandidates(db: DbOrTx): Promise<ProgramExerciseCandidate[]> {
  const rows = await db
    .select({
      id: exercises.id,
      name: exercises.name,
      type: exercises.type,
      measure: exercises.measure,
      difficulty: exercises.difficulty,
      equipmentRequired: exercises.equipmentRequired,
      muscle: muscles.name,
      activation: exerciseMuscles.activationRating,
    })
    .from(exercises)
    .leftJoin(exerciseMuscles, eq(exerciseMuscles.exerciseId, exercises.id))
    .leftJoin(muscles, eq(muscles.id, exerciseMuscles.muscleId))
    // Custom exercises are private and unrated by us: programs use the built-in library.
    .where(isNull(exercises.createdBy));
  const byId = new Map<number, ProgramExerciseCandidate & { muscles: { muscle: string; activation: number }[] }>();
  for (const row of rows) {
    let candidate = byId.get(row.id);
    if (!candidate) {
      candidate = {
        id: row.id,
        name: row.name,
        type: row.type,
        measure: row.measure,
        difficulty: row.difficulty,
        equipmentRequired: asStringList(row.equipmentRequired),
        muscles: [],
      };
      byId.set(row.id, candidate);
    }
    if (row.muscle !== null && row.activation !== null)
      candidate.muscles.push({ muscle: row.muscle, activation: row.activation });
  }
  return [...byId.values()];
}

/** The program these answers produce, without saving it (the program page shows its notes). */
export async function previewProgram(db: DbOrTx, answers: ProgramAnswers): Promise<GeneratedProgram> {
  return programFromAnswers(answers, await loadProgramCandidates(db));
}
