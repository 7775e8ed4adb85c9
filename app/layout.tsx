import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { SiteHeader } from "@/components/layout/site-header";
import { MaintenanceBanner } from "@/components/layout/maintenance-banner";
import { MaintenanceNotices } from "@/components/layout/maintenance-notices";
import { currentUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { visibleMaintenanceNotices } from "@/server/queries/maintenance-notices";
import { requestTimeZone } from "@/server/athlete-page";
import { signOutAction } from "./(auth)/actions";
import { BRAND_BLUE } from "@/lib/brand-mark";
import { bannersToShow, DISMISSED_COOKIE, dismissedKeys } from "@/lib/maintenance/banners";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ironlog", template: "%s · Ironlog" },
  description: "Log your training set by set, follow a program built from your equipment, and see real progress.",
  // Installed on an iPhone's home screen, it opens full screen like the Android install (app/manifest.ts).
  appleWebApp: { capable: true, title: "Ironlog", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: BRAND_BLUE };

function noticesUnavailable(error: unknown): [] {
  console.error("Maintenance notices could not be read", error);
  return [];
}

/**
 * Planned maintenance for a signed-in user (visitors have nothing open to lose), drawn here with the
 * server's clock and leaving out what this device dismissed. A failed read must not take the page down.
 */
async function SignedInMaintenanceBanner() {
  const now = new Date();
  const [notices, cookieJar, timeZone] = await Promise.all([
    getDb()
      .then((db) => visibleMaintenanceNotices(db, now))
      .catch(noticesUnavailable),
    cookies(),
    requestTimeZone(),
  ]);
  const dismissed = dismissedKeys(cookieJar.get(DISMISSED_COOKIE)?.value);
  return (
    // Keyed by what the server saw, so a re-render after a change (an admin ending a window) starts from it.
    <MaintenanceBanner
      key={notices.map((n) => `${n.id}:${n.endedAt ?? ""}`).join(",")}
      initial={notices}
      serverNow={now.toISOString()}
      timeZone={timeZone}
      dismissed={dismissed}
    >
      <MaintenanceNotices shown={bannersToShow(notices, now, dismissed)} timeZone={timeZone} />
    </MaintenanceBanner>
  );
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the proxy's CSP nonce is new each time (Next puts it on its
  // scripts), and the build must not prerender pages that read the database.
  await connection();
  const user = await currentUser().catch(() => null);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader user={user && { name: user.name, email: user.email, role: user.role }} signOutAction={signOutAction} />
        {user ? <SignedInMaintenanceBanner /> : null}
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
