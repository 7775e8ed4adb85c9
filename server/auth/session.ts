import "server-only";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { type User, users } from "@/db/schema";
import { auth } from "./config";

/**
 * The signed-in user, reloaded from the database once per request (React cache), so role changes and
 * deleted accounts take effect immediately rather than when the session token expires.
 */
export const currentUser = cache(async (): Promise<User | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(returnTo?: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?redirectTo=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** For admin pages: the signed-in admin; athletes get the 403 page, visitors the sign-in page. */
export async function requireAdmin(returnTo?: string): Promise<User> {
  const user = await requireUser(returnTo);
  if (user.role !== "admin") forbidden();
  return user;
}
