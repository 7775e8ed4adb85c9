import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import type { WeightUnit } from "@/lib/training/units";
import type { PlateSetup } from "@/lib/training/plates";

/** The athlete's own name and weight unit. Weights stay stored in kilograms whatever the unit. */
export async function updateProfile(
  db: DbOrTx,
  userId: number,
  profile: { name: string; weightUnit: WeightUnit },
): Promise<void> {
  await db.update(users).set({ name: profile.name, weightUnit: profile.weightUnit }).where(eq(users.id, userId));
}

/** The bar and plates the athlete's plate calculator loads with, in the unit they chose them in. */
export async function updatePlateSetup(db: DbOrTx, userId: number, setup: PlateSetup): Promise<void> {
  await db.update(users).set({ plateSetup: setup }).where(eq(users.id, userId));
}
