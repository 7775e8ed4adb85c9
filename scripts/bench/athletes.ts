/**
 * Bench athletes, made directly in the database (sign-ups are throttled per address): an account with
 * the benches' password and an assessment, so each has a generated program to log from.
 */
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { saveAssessment } from "@/server/services/program";

export const BENCH_PASSWORD = "bench-password-123";

/** The i-th bench athlete (bench-001@ironlog.dev…), its program varied by i; `passwordHash` is BENCH_PASSWORD's. */
export async function seedBenchAthlete(
  db: Database["db"],
  i: number,
  passwordHash: string,
): Promise<{ email: string; userId: number }> {
  const email = `bench-${String(i).padStart(3, "0")}@ironlog.dev`;
  const [user] = await db
    .insert(users)
    .values({ email, name: `Bench ${i}`, passwordHash })
    .returning({ id: users.id });
  await saveAssessment(db, user.id, {
    sport: "Bench",
    age: 30,
    experienceLevel: (["beginner", "intermediate", "advanced"] as const)[i % 3],
    goal: "hypertrophy",
    daysPerWeek: 3 + (i % 4),
    equipment: "full_gym",
    items: [],
  });
  return { email, userId: user.id };
}
