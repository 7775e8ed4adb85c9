/**
 * Accounts as the sign-up and sign-in forms need them: create one, and find where a signed-in
 * person belongs. Routes call these instead of reaching the users table themselves.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { hashPassword } from "./passwords";

export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

/** Create an athlete account; false when the email already has one (nothing is changed then). */
export async function createAccount(db: Db, account: NewAccount): Promise<boolean> {
  const passwordHash = await hashPassword(account.password);
  const created = await db
    .insert(users)
    .values({ email: account.email, name: account.name, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return created.length > 0;
}

/** The role of the account with this email, or null when there is none. */
export async function roleOfEmail(db: Db, email: string): Promise<User["role"] | null> {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.email, email)).limit(1);
  return user?.role ?? null;
}
