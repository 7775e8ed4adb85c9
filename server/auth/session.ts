import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/server/db";
import type { User } from "@/db/schema";
import { auth } from "./config";
import { userForSession } from "./auth-sessions";

/**
 * The signed-in user and their auth_sessions row id, reloaded from the database once per request
 * (React cache): a session whose row was deleted (signed out, ended from another device, password
 * changed, demoted) is no session, and role changes and deleted accounts take effect at once.
 * A cookie from before sessions had rows carries no sid: it counts as signed out.
 */
export const currentSession = cache(async (): Promise<{ user: User; sid: string } | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  const sid = session?.sid;
  if (!sid || !Number.isInteger(id) || id <= 0) return null;
  const user = await userForSession(await getDb(), sid, id);
  return user ? { user, sid } : null;
});

export async function currentUser(): Promise<User | null> {
  return (await currentSession())?.user ?? null;
}

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
