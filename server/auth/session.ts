import "server-only";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { type User, users } from "@/db/schema";
import { auth } from "./config";
import { safeRedirectPath } from "@/lib/auth/schemas";
import { RETURN_TO_HEADER } from "@/lib/http/security-headers";

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

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back here afterwards. Layouts do
 * not know their page's URL, so by default the path comes from the proxy (proxy.ts), which passes the
 * requested path and query on to every request.
 */
export async function requireUser(returnTo?: string): Promise<User> {
  const user = await currentUser();
  if (!user) {
    const back = safeRedirectPath(returnTo ?? (await headers()).get(RETURN_TO_HEADER) ?? undefined, "/");
    redirect(back !== "/" ? `/sign-in?redirectTo=${encodeURIComponent(back)}` : "/sign-in");
  }
  return user;
}

/** For admin pages: the signed-in admin; athletes get the 403 page, visitors the sign-in page. */
export async function requireAdmin(returnTo?: string): Promise<User> {
  const user = await requireUser(returnTo);
  if (user.role !== "admin") forbidden();
  return user;
}
