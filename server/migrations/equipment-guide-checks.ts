/**
 * The check of a migrated user (docs/operator-guide.md, "Checking a migrated user"), automatic: after an apply,
 * up to 50 migrated and 50 flagged users of the run are sampled, and each one's assessment must
 * read as a single choice and give a program through the code the athletes' program page uses
 * (programAnswersFromAssessment, then the generator over the built-in library). Runs inside the
 * apply's transaction, so it sees the rows as the run leaves them.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assessments, migrationRunItems } from "@/db/schema";
import { programAnswersFromAssessment, programFromAnswers } from "@/lib/athlete/assessment";
import { programIsUsable, readsAsSingleChoice } from "@/lib/migrations/equipment-single-choice/guide-checks";
import { loadProgramCandidates } from "@/server/queries/program";
import type { VerificationCheck } from "./types";
import { count, countCheck, counted } from "./verification";

export const GUIDE_SAMPLE_SIZE = 50;

async function sampleOf(tx: Tx, runId: number, status: "migrated" | "flagged") {
  return (
    tx
      .select({
        equipment: assessments.equipment,
        equipmentItems: assessments.equipmentItems,
        experienceLevel: assessments.experienceLevel,
        goal: assessments.goal,
        daysPerWeek: assessments.daysPerWeek,
      })
      .from(migrationRunItems)
      .innerJoin(assessments, eq(assessments.id, migrationRunItems.rowId))
      .where(and(eq(migrationRunItems.runId, runId), eq(migrationRunItems.status, status)))
      // A random sample, not the first rows by key: problems cluster by when rows were written.
      .orderBy(sql`random()`)
      .limit(GUIDE_SAMPLE_SIZE)
  );
}

export async function guideChecks(tx: Tx, runId: number): Promise<VerificationCheck[]> {
  const [migrated, flagged] = [await sampleOf(tx, runId, "migrated"), await sampleOf(tx, runId, "flagged")];
  const sample = [...migrated, ...flagged];
  const sampled = `Sampled ${counted(migrated.length, "migrated users")} and ${counted(flagged.length, "flagged users")}`;
  const singleChoice = sample.filter(readsAsSingleChoice).length;
  const library = sample.length > 0 ? await loadProgramCandidates(tx) : [];
  const programs = sample.filter((row) => {
    try {
      return programIsUsable(programFromAnswers(programAnswersFromAssessment(row), library));
    } catch {
      return false;
    }
  }).length;
  const all = (n: number) => (n === sample.length ? `all ${count(n)}` : `only ${count(n)} of ${count(sample.length)}`);
  return [
    countCheck(
      "sampled_equipment_single_choice",
      "Sampled migrated and flagged users' equipment reads as a single choice",
      sample.length,
      singleChoice,
      sample.length === 0
        ? "No migrated or flagged users to sample"
        : `${sampled}: ${all(singleChoice)} read as a single equipment choice`,
    ),
    countCheck(
      "sampled_programs_generate",
      "A program can be generated for each sampled user, as the athlete's program page does",
      sample.length,
      programs,
      sample.length === 0
        ? "No migrated or flagged users to sample"
        : `${sampled}: a program with an exercise on every day was generated for ${all(programs)}` +
            (library.length === 0 ? " (the exercise library is empty)" : ""),
    ),
  ];
}
