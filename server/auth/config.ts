import "server-only";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/server/db";
import { authSecret, env } from "@/server/env";
import { signInSchema } from "@/lib/auth/schemas";
import type { Role } from "@/lib/auth/roles";
import { endAuthSession, SESSION_LIFETIME_SECONDS } from "./auth-sessions";
import { requestClientAddress } from "./client-address";
import { attemptSignIn } from "./sign-in";
import { appThrottles } from "./throttle";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** The auth_sessions row this cookie belongs to. */
    sid?: string;
  }
  interface User {
    role?: Role;
    sid?: string;
  }
}

/** Thrown by authorize while throttled: the form and the route answer with how long to wait. */
class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

/**
 * Auth.js with email + password. Credentials requires the JWT strategy, so the cookie is a signed token
 * any instance can read (they share AUTH_SECRET); it carries the id of an auth_sessions row (`sid`),
 * which every server check looks up (server/auth/session.ts), so deleting the row ends the session
 * everywhere. The role in the token is only a hint for the UI: every check reloads the user.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // `next start` behind our own start script or a proxy: trust the Host header unless told otherwise.
  trustHost: env().AUTH_TRUST_HOST,
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
  pages: { signIn: "/sign-in" },
  // A wrong password is not an error: sign-in.ts logs one line for it. Everything else keeps its stack.
  logger: {
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await attemptSignIn(await getDb(), await appThrottles(), {
          email: parsed.data.email,
          password: parsed.data.password,
          address: requestClientAddress(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (outcome.status === "throttled") throw new ThrottledSignIn();
        if (outcome.status === "refused") return null;
        const { user, sid } = outcome;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role ?? "athlete";
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      session.user.role = token.role === "admin" ? "admin" : "athlete";
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    // Sign-out deletes the row, so the cookie (if anyone kept a copy) is refused from now on.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const userId = Number(token?.uid);
      if (typeof token?.sid === "string" && Number.isInteger(userId))
        await endAuthSession(await getDb(), { id: token.sid, userId });
    },
  },
}));
