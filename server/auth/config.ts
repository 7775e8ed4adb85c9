import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { users } from "@/db/schema";
import { authSecret, env } from "@/server/env";
import { verifyPassword } from "./passwords";
import { signInSchema } from "@/lib/auth/schemas";
import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
}

/**
 * Auth.js with email + password and stateless JWT sessions, so any app instance can read a session
 * another instance issued (they share AUTH_SECRET). The role in the token is only a hint for the UI:
 * every server check reloads the user (server/auth/session.ts), so a demotion takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // `next start` behind our own start script or a proxy: trust the Host header unless told otherwise.
  trustHost: env().AUTH_TRUST_HOST,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const db = await getDb();
        const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email)).limit(1);
        // Same answer (and similar time) whether the email exists or not: no account enumeration.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        if (!user || !ok) return null;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: string }).role ?? "athlete";
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      session.user.role = token.role === "admin" ? "admin" : "athlete";
      return session;
    },
  },
}));
