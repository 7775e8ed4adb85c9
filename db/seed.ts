/**
 * Demo data: the built-in exercise library, demo accounts (password `ironlog-demo`), about 150
 * assessments in the proportions of a real legacy table, and a few weeks of logged training for the
 * demo athlete. Deterministic, and written in one transaction.
 */
import { count } from "drizzle-orm";
import type { Db, DbOrTx } from "./client";
import { derivedSlotId } from "./slot-ids";
import {
  assessments,
  sessionExercises,
  sessionSets,
  splitDayExercises,
  splitDays,
  splits,
  users,
  workoutSessions,
} from "./schema";
import { seedExerciseLibrary } from "./exercise-library";
import { bulkSeedAssessments, seededRandom } from "./seed-assessments";

export const DEMO_PASSWORD = "ironlog-demo";

export const DEMO_ACCOUNTS = {
  admin: "admin@ironlog.dev",
  // A second admin, to approve the first one's migration runs (the two-person rule).
  reviewer: "reviewer@ironlog.dev",
  athlete: "athlete@ironlog.dev",
  flagged: "flagged@ironlog.dev",
  maya: "maya@ironlog.dev",
  leo: "leo@ironlog.dev",
  reassess: "reassess@ironlog.dev",
  untold: "sam@ironlog.dev",
} as const;

export const REASSESSMENT_REASON = "Basic equipment without specific items - user needs to re-assess";

export { seedExerciseLibrary } from "./exercise-library";

function findExercise(ids: Map<string, number>, ...candidates: string[]): number {
  for (const c of candidates) {
    for (const [name, id] of ids) if (name.toLowerCase() === c.toLowerCase()) return id;
  }
  for (const c of candidates) {
    for (const [name, id] of ids) if (name.toLowerCase().includes(c.toLowerCase())) return id;
  }
  throw new Error(`The exercise library has none of: ${candidates.join(", ")}`);
}

/** A demo training history: an upper/lower split and four weeks of sessions with steady progress. */
async function seedTrainingHistory(db: DbOrTx, userId: number, ids: Map<string, number>, now: Date): Promise<number> {
  const plan = {
    Upper: [
      { id: findExercise(ids, "Barbell Bench Press", "Bench Press"), start: 60, step: 2.5, reps: 8 },
      { id: findExercise(ids, "Barbell Bent-Over Row", "Bent-Over Row", "Row"), start: 55, step: 2.5, reps: 8 },
      { id: findExercise(ids, "Overhead Press", "Shoulder Press"), start: 37.5, step: 1.25, reps: 8 },
      { id: findExercise(ids, "Pull-Up", "Pull-up", "Chin-Up"), start: 0, step: 0, reps: 8 },
    ],
    Lower: [
      { id: findExercise(ids, "Barbell Back Squat", "Back Squat", "Squat"), start: 80, step: 2.5, reps: 5 },
      { id: findExercise(ids, "Romanian Deadlift", "Deadlift"), start: 70, step: 2.5, reps: 8 },
      { id: findExercise(ids, "Dumbbell Walking Lunge", "Lunge"), start: 16, step: 1, reps: 10 },
      // A timed hold: its targets are seconds (40-42), its sets 0 reps and the seconds held, 5 more a week.
      { id: findExercise(ids, "Plank"), start: 0, step: 0, reps: 40, holdSeconds: 40 },
    ],
  };

  const [split] = await db.insert(splits).values({ userId, name: "Upper / Lower", source: "custom", position: 0 }).returning();
  const dayIds: Record<string, number> = {};
  let dayPosition = 0;
  for (const [dayName, items] of Object.entries(plan)) {
    const [day] = await db.insert(splitDays).values({ splitId: split.id, name: dayName, position: dayPosition++ }).returning();
    dayIds[dayName] = day.id;
    await db.insert(splitDayExercises).values(
      items.map((item, position) => ({
        splitDayId: day.id,
        exerciseId: item.id,
        position,
        targetSets: 3,
        targetRepsMin: item.reps,
        targetRepsMax: item.reps + 2,
      })),
    );
  }

  const random = seededRandom(42);
  let sessionsLogged = 0;
  const weeks = 4;
  for (let week = 0; week < weeks; week++) {
    for (const [slot, dayName] of (["Upper", "Lower", "Upper"] as const).entries()) {
      const daysAgo = (weeks - week) * 7 - slot * 2 - 1;
      const startedAt = new Date(now.getTime() - daysAgo * 86_400_000);
      startedAt.setUTCHours(17, 30, 0, 0);
      const durationSeconds = 50 * 60 + Math.floor(random() * 20 * 60);
      const [session] = await db
        .insert(workoutSessions)
        .values({
          userId,
          splitDayId: dayIds[dayName],
          name: dayName,
          startedAt,
          finishedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
          durationSeconds,
          notes: week === weeks - 1 && slot === 0 ? "Felt strong today." : null,
        })
        .returning();
      const slots = await db
        .insert(sessionExercises)
        .values(
          plan[dayName].map((item, position) => ({
            id: derivedSlotId(session.id, item.id),
            sessionId: session.id,
            exerciseId: item.id,
            position,
            targetSets: 3,
            targetRepsMin: item.reps,
            targetRepsMax: item.reps + 2,
          })),
        )
        .returning({ id: sessionExercises.id });
      const sets = plan[dayName].flatMap((item, exerciseIndex) =>
        [0, 1, 2].map((setIndex) => {
          // Drawn for every exercise, holds included, so the rest of the history stays as it was.
          const lastSetShort = setIndex === 2 && random() < 0.4;
          const holdSeconds = "holdSeconds" in item ? item.holdSeconds : undefined;
          return {
            sessionId: session.id,
            exerciseId: item.id,
            exerciseSlotId: slots[exerciseIndex].id,
            position: setIndex,
            reps: holdSeconds ? 0 : Math.max(1, item.reps - (lastSetShort ? 1 : 0)),
            seconds: holdSeconds ? holdSeconds + week * 5 - (lastSetShort ? 5 : 0) : null,
            weightKg: item.start + item.step * (week * 2 + (slot === 2 ? 1 : 0)),
            rpe: item.start > 0 ? Math.min(10, 7 + setIndex * 0.5 + Math.round(random() * 2) / 2) : null,
          } satisfies typeof sessionSets.$inferInsert;
        }),
      );
      await db.insert(sessionSets).values(sets);
      sessionsLogged++;
    }
  }
  return sessionsLogged;
}

export interface SeedOptions {
  /** The app's password hashing (server/auth/passwords): db/ stays below server/, so it is passed in. */
  hashPassword: (password: string) => Promise<string>;
  /** "Now" for the demo history's dates. */
  now?: Date;
}

/** Load every piece of demo data into an empty database, in one transaction. Returns a summary line. */
export async function seedDemoData(db: Db, { hashPassword, now = new Date() }: SeedOptions): Promise<string> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const exerciseIds = await seedExerciseLibrary(tx);

    const demoUsers = await tx
      .insert(users)
      .values([
        { email: DEMO_ACCOUNTS.admin, name: "Alex Admin", role: "admin", passwordHash },
        { email: DEMO_ACCOUNTS.reviewer, name: "Robin Reviewer", role: "admin", passwordHash },
        { email: DEMO_ACCOUNTS.athlete, name: "Jordan Athlete", passwordHash },
        { email: DEMO_ACCOUNTS.flagged, name: "Casey Flagged", passwordHash },
        { email: DEMO_ACCOUNTS.maya, name: "Maya Runner", passwordHash, weightUnit: "lb" },
        { email: DEMO_ACCOUNTS.leo, name: "Leo Legacy", passwordHash },
        { email: DEMO_ACCOUNTS.reassess, name: "Riley Reassess", passwordHash },
        { email: DEMO_ACCOUNTS.untold, name: "Sam Pending", passwordHash },
      ])
      .returning({ id: users.id, email: users.email });
    const idOf = (email: string) => demoUsers.find((u) => u.email === email)!.id;
    // Two accounts were converted and flagged by a run before this one's records began.
    const flaggedByEarlierRun = {
      needsReassessment: true,
      reassessmentReason: REASSESSMENT_REASON,
      flaggedAt: new Date(now.getTime() - 3 * 86_400_000),
    };

    await tx.insert(assessments).values([
      {
        userId: idOf(DEMO_ACCOUNTS.athlete),
        sport: "Powerlifting",
        age: 29,
        experienceLevel: "intermediate",
        goal: "strength",
        daysPerWeek: 4,
        equipment: "full_gym",
        equipmentItems: [],
      },
      {
        // basic_equipment with no items: the equipment migration flags this account for re-assessment.
        userId: idOf(DEMO_ACCOUNTS.flagged),
        sport: "Football",
        age: 24,
        experienceLevel: "beginner",
        goal: "general_fitness",
        daysPerWeek: 3,
        equipment: "basic_equipment",
        equipmentItems: [],
      },
      {
        userId: idOf(DEMO_ACCOUNTS.maya),
        sport: "Running",
        age: 34,
        experienceLevel: "beginner",
        goal: "endurance",
        daysPerWeek: 2,
        equipment: "no_equipment",
        equipmentItems: [],
      },
      {
        // An answer from the old multi-select question, still an array until the migration runs.
        userId: idOf(DEMO_ACCOUNTS.leo),
        sport: "Climbing",
        age: 41,
        experienceLevel: "advanced",
        goal: "hypertrophy",
        daysPerWeek: 5,
        equipment: ["basic_equipment", "full_gym"],
        equipmentItems: ["dumbbells", "pull_up_bar"],
      },
      {
        // Already converted and flagged by an earlier migration run: sees the re-assessment prompt at once.
        userId: idOf(DEMO_ACCOUNTS.reassess),
        sport: "Tennis",
        age: 31,
        experienceLevel: "intermediate",
        goal: "general_fitness",
        daysPerWeek: 3,
        equipment: "basic_equipment",
        equipmentItems: [],
        ...flaggedByEarlierRun,
      },
      {
        // Flagged by the same earlier run and not yet told: the admin's flagged-users page can mail them.
        userId: idOf(DEMO_ACCOUNTS.untold),
        sport: "Cycling",
        age: 38,
        experienceLevel: "beginner",
        goal: "endurance",
        daysPerWeek: 3,
        equipment: "basic_equipment",
        equipmentItems: [],
        ...flaggedByEarlierRun,
      },
    ]);

    const bulk = bulkSeedAssessments();
    const bulkUsers = await tx
      .insert(users)
      .values(bulk.map((_, i) => ({ email: `member${String(i + 1).padStart(3, "0")}@example.com`, name: `Member ${i + 1}` })))
      .returning({ id: users.id });
    await tx.insert(assessments).values(
      bulk.map((a, i) => ({
        userId: bulkUsers[i].id,
        sport: a.sport,
        age: a.age,
        experienceLevel: a.experienceLevel,
        goal: a.goal,
        daysPerWeek: a.daysPerWeek,
        equipment: a.equipment,
        equipmentItems: a.equipmentItems,
        // Spread over the last months, as a real table would be.
        updatedAt: new Date(now.getTime() - (i + 1) * 13 * 3_600_000),
      })),
    );

    const sessions = await seedTrainingHistory(tx, idOf(DEMO_ACCOUNTS.athlete), exerciseIds, now);
    const [{ n }] = await tx.select({ n: count() }).from(assessments);
    return `${exerciseIds.size} exercises, ${demoUsers.length + bulkUsers.length} users, ${n} assessments, ${sessions} sessions for ${DEMO_ACCOUNTS.athlete}.`;
  });
}
