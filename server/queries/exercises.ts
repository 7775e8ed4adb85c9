import "server-only";

/**
 * The exercise library as one athlete sees it: the built-in exercises (created_by NULL) plus their own
 * private ones. Every query here takes the signed-in user's id and never returns another athlete's
 * custom exercise.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exerciseMuscles, exercises, muscles } from "@/db/schema";
import { type EquipmentChoice, requirementNamesSatisfiedBy } from "@/lib/equipment";
import { EXERCISES_PER_PAGE, type ExerciseFilters } from "@/lib/athlete/exercise-filters";
import type { ExerciseType } from "@/lib/training/types";
import type { ExerciseMeasure } from "@/lib/training/types";

/** Built-in exercises and this athlete's own. */
export function visibleTo(userId: number): SQL {
  return or(isNull(exercises.createdBy), eq(exercises.createdBy, userId))!;
}

// A muscle filter lists exercises that work the muscle meaningfully, not every 5% stabiliser.
const MUSCLE_FILTER_MIN_ACTIVATION = 30;

export type ExerciseListItem = {
  id: number;
  name: string;
  type: ExerciseType;
  difficulty: number | null;
  equipmentRequired: string[];
  custom: boolean;
  primaryMuscle: string | null;
};

export type OwnedEquipment = { equipment: EquipmentChoice; items: readonly string[] };

function listConditions(userId: number, filters: ExerciseFilters, owned: OwnedEquipment | null): SQL[] {
  const conditions: SQL[] = [visibleTo(userId)];
  if (filters.q) conditions.push(ilike(exercises.name, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filters.type) conditions.push(eq(exercises.type, filters.type));
  if (filters.difficulty) conditions.push(eq(exercises.difficulty, filters.difficulty));
  if (filters.equipment === "none") conditions.push(sql`${exercises.equipmentRequired} = '[]'::jsonb`);
  else if (filters.equipment)
    conditions.push(sql`${exercises.equipmentRequired} @> ${JSON.stringify([filters.equipment])}::jsonb`);
  if (filters.muscleId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM exercise_muscles em WHERE em.exercise_id = "exercises"."id"
            AND em.muscle_id = ${filters.muscleId} AND em.activation_rating >= ${MUSCLE_FILTER_MIN_ACTIVATION})`,
    );
  }
  if (filters.fitsMyEquipment && owned) {
    // The rule of lib/equipment canPerformWith, in SQL so the filter paginates correctly.
    // Containment in the names the athlete's items satisfy (aliases such as a backfilled "dumbbell" included).
    const accepted =
      owned.equipment === "no_equipment" ? requirementNamesSatisfiedBy([]) : requirementNamesSatisfiedBy(owned.items);
    if (owned.equipment !== "full_gym")
      conditions.push(sql`${exercises.equipmentRequired} <@ ${JSON.stringify(accepted)}::jsonb`);
  }
  return conditions;
}

/** One page of the library with the total count, filtered and paginated in SQL. */
export async function listExercises(
  db: DbOrTx,
  userId: number,
  filters: ExerciseFilters,
  owned: OwnedEquipment | null = null,
): Promise<{ items: ExerciseListItem[]; total: number; page: number; pageCount: number }> {
  const where = and(...listConditions(userId, filters, owned));
  const [{ total }] = await db.select({ total: count() }).from(exercises).where(where);
  const pageCount = Math.max(1, Math.ceil(total / EXERCISES_PER_PAGE));
  const page = Math.min(filters.page, pageCount);
  // Correlated subqueries name their tables by alias: Drizzle leaves columns unqualified in a
  // single-table select, where "id" would silently mean the inner table's.
  const primaryMuscle = sql<string | null>`(SELECT m.name FROM exercise_muscles em JOIN muscles m ON m.id = em.muscle_id
      WHERE em.exercise_id = "exercises"."id" ORDER BY em.activation_rating DESC, m.name LIMIT 1)`;
  const order = filters.muscleId
    ? [
        desc(
          sql`(SELECT em.activation_rating FROM exercise_muscles em WHERE em.exercise_id = "exercises"."id" AND em.muscle_id = ${filters.muscleId})`,
        ),
        asc(exercises.name),
      ]
    : [asc(exercises.name)];
  const rows = await db
    .select({
      id: exercises.id,
      name: exercises.name,
      type: exercises.type,
      difficulty: exercises.difficulty,
      equipmentRequired: exercises.equipmentRequired,
      createdBy: exercises.createdBy,
      primaryMuscle,
    })
    .from(exercises)
    .where(where)
    .orderBy(...order)
    .limit(EXERCISES_PER_PAGE)
    .offset((page - 1) * EXERCISES_PER_PAGE);
  return {
    items: rows.map(({ createdBy, equipmentRequired, ...row }) => ({
      ...row,
      equipmentRequired: asStringList(equipmentRequired),
      custom: createdBy !== null,
    })),
    total,
    page,
    pageCount,
  };
}

/** equipment_required is jsonb that legacy rows may hold as something other than a list. */
export function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export async function listMuscles(db: DbOrTx) {
  return db.select().from(muscles).orderBy(asc(muscles.region), asc(muscles.name));
}

export type ExerciseDetail = ExerciseListItem & {
  notes: string | null;
  muscles: { id: number; name: string; region: string; activation: number }[];
};

/** One exercise the athlete may see, with its muscles strongest first; null when absent or someone else's. */
export async function getExercise(db: DbOrTx, userId: number, exerciseId: number): Promise<ExerciseDetail | null> {
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), visibleTo(userId)))
    .limit(1);
  if (!row) return null;
  const worked = await db
    .select({ id: muscles.id, name: muscles.name, region: muscles.region, activation: exerciseMuscles.activationRating })
    .from(exerciseMuscles)
    .innerJoin(muscles, eq(muscles.id, exerciseMuscles.muscleId))
    .where(eq(exerciseMuscles.exerciseId, exerciseId))
    .orderBy(desc(exerciseMuscles.activationRating), asc(muscles.name));
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    difficulty: row.difficulty,
    equipmentRequired: asStringList(row.equipmentRequired),
    custom: row.createdBy !== null,
    primaryMuscle: worked[0]?.name ?? null,
    notes: row.notes,
    muscles: worked,
  };
}

export type ExerciseOption = {
  id: number;
  name: string;
  type: ExerciseListItem["type"];
  measure: ExerciseMeasure;
  custom: boolean;
};

/** Every exercise the athlete may pick (for the logger and the split editor), by name. */
export async function listExerciseOptions(db: DbOrTx, userId: number): Promise<ExerciseOption[]> {
  const rows = await db
    .select({
      id: exercises.id,
      name: exercises.name,
      type: exercises.type,
      measure: exercises.measure,
      createdBy: exercises.createdBy,
    })
    .from(exercises)
    .where(visibleTo(userId))
    .orderBy(asc(exercises.name));
  return rows.map(({ createdBy, ...row }) => ({ ...row, custom: createdBy !== null }));
}

/** Which of these ids the athlete may use; the rest are unknown or another athlete's. */
export async function visibleExerciseIds(db: DbOrTx, userId: number, ids: readonly number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(inArray(exercises.id, unique), visibleTo(userId)));
  return new Set(rows.map((r) => r.id));
}
