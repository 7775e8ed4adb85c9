import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import type { WeightUnit } from "@/lib/training/units";

/** The athlete's own name and weight unit. Weights stay stored in kilograms whatever the unit. */
export async function updateProfile(db: DbOrTx, userId: number, profile: { name: string; weightUnit: WeightUnit }): Promise<void> {
  await db.update(users).set({ name: profile.name, weightUnit: profile.weightUnit }).where(eq(users.id, userId));
}
