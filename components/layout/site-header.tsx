import { Link } from "@/components/ui/link";
import type { Role } from "@/lib/auth/roles";
import { LogoMark } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavPending } from "./nav-pending";
import { SignOutForm } from "./sign-out-form";

export const ATHLETE_NAV = [
  { href: "/dashboard", label: "Today" },
  { href: "/program", label: "Program" },
  { href: "/log", label: "Log" },
  { href: "/history", label: "History" },
  { href: "/progress", label: "Progress" },
  { href: "/exercises", label: "Exercises" },
  { href: "/splits", label: "Splits" },
];

export const ADMIN_NAV = [{ href: "/admin", label: "Admin" }];

export interface HeaderUser {
  name: string | null;
  email: string;
  role: Role;
}

/** The navigation's links, each marked while its page is on its way (./nav-pending). */
function NavLinks({ items, className }: { items: { href: string; label: string }[]; className: string }) {
  return items.map((item) => (
    <Link key={item.href} href={item.href} className={className}>
      {item.label}
      <NavPending />
    </Link>
  ));
}

/** The header: brand, navigation for the signed-in role, and the user's menu (the root layout passes both in). */
export function SiteHeader({ user, signOutAction }: { user: HeaderUser | null; signOutAction: () => Promise<void> }) {
  const nav = user ? [...ATHLETE_NAV, ...(user.role === "admin" ? ADMIN_NAV : [])] : [];
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link
          href={user ? "/dashboard" : "/"}
          className="flex items-center gap-2 text-lg font-extrabold tracking-tight text-slate-900"
        >
          <LogoMark />
          Ironlog
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="hidden flex-1 items-center gap-1 lg:flex">
              <NavLinks
                items={nav}
                className="relative rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              />
            </nav>
            <div className="ml-auto flex items-center gap-2">
              <details className="relative hidden lg:block">
                <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                  <span
                    aria-hidden
                    className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-700"
                  >
                    {(user.name ?? user.email).slice(0, 1).toUpperCase()}
                  </span>
                  <span className="max-w-40 truncate">{user.name ?? user.email}</span>
                </summary>
                <div className="absolute right-0 mt-2 w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
                  <p className="truncate px-3 py-2 text-xs text-slate-500">{user.email}</p>
                  <Link href="/profile" className="block rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
                    Profile
                  </Link>
                  <SignOutForm signOut={signOutAction}>
                    <button
                      type="submit"
                      className="block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100"
                    >
                      Sign out
                    </button>
                  </SignOutForm>
                </div>
              </details>
              <MobileNav>
                <p className="truncate px-3 py-2 text-xs text-slate-500">{user.email}</p>
                <nav aria-label="Mobile">
                  <NavLinks
                    items={[...nav, { href: "/profile", label: "Profile" }]}
                    className="relative block rounded px-3 py-3 text-base text-slate-800 hover:bg-slate-100"
                  />
                </nav>
                <SignOutForm signOut={signOutAction}>
                  <button
                    type="submit"
                    className="block w-full rounded px-3 py-3 text-left text-base text-slate-800 hover:bg-slate-100"
                  >
                    Sign out
                  </button>
                </SignOutForm>
              </MobileNav>
            </div>
          </>
        ) : (
          <div className="ml-auto flex items-center gap-2">
            <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              Sign in
            </Link>
            <Link
              href="/sign-up"
              className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            >
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
