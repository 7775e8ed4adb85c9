import "server-only";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "./db";
import { safeTimeZone } from "@/lib/time-zone";
import { requireUser } from "@/server/auth/session";
import { parseId } from "@/lib/ids";

/** What every athlete page starts with: the signed-in user (or a redirect to sign-in) and the database. */
export async function athletePage(returnTo: string) {
  const [user, db] = await Promise.all([requireUser(returnTo), getDb()]);
  return { user, db };
}

/** The athlete's time zone, from the cookie their browser sets (components/athlete/time-zone-cookie). */
export async function requestTimeZone(): Promise<string> {
  return safeTimeZone((await cookies()).get("tz")?.value);
}

/** An id from a URL segment, or the 404 page. */
export function idFromSegment(value: string): number {
  return parseId(value) ?? notFound();
}
