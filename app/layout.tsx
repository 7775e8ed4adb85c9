import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { SiteHeader } from "@/components/layout/site-header";
import { currentUser } from "@/server/auth/session";
import { signOutAction } from "./(auth)/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ironlog", template: "%s · Ironlog" },
  description: "Log your training set by set, follow a program built from your equipment, and see real progress.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f57d6" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the proxy's CSP nonce is new each time (Next puts it on its
  // scripts), and the build must not prerender pages that read the database.
  await connection();
  const user = await currentUser().catch(() => null);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader user={user && { name: user.name, email: user.email, role: user.role }} signOutAction={signOutAction} />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
