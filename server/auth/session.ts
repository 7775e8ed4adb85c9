import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/server/db";
import type { User } from "@/db/schema";
import { auth } from "./config";
import { userForSession } from "./auth-sessions";
import { safeRedirectPath } from "@/lib/auth/schemas";
import { RETURN_TO_HEADER } from "@/lib/http/security-headers";

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
