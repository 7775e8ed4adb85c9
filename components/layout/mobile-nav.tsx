"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { NavPending } from "./nav-pending";
import { SignOutForm } from "./sign-out-form";

/** The phone-sized menu: a disclosure button that opens the navigation, closed by Escape or navigation. */
export function MobileNav({
  items,
  signOut,
  email,
}: {
  items: { href: string; label: string }[];
  signOut: () => Promise<void>;
  email: string;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();
  const [lastPath, setLastPath] = useState(pathname);
  if (lastPath !== pathname) {
    setLastPath(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"
      >
        Menu
      </button>
      {open ? (
        <div id={panelId} className="absolute inset-x-0 top-14 border-b border-slate-200 bg-white p-2 shadow-lg">
          <p className="truncate px-3 py-2 text-xs text-slate-500">{email}</p>
          <nav aria-label="Mobile">
            {items.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="relative block rounded px-3 py-3 text-base text-slate-800 hover:bg-slate-100"
              >
                {item.label}
                <NavPending />
              </Link>
            ))}
          </nav>
          <SignOutForm signOut={signOut}>
            <button
              type="submit"
              className="block w-full rounded px-3 py-3 text-left text-base text-slate-800 hover:bg-slate-100"
            >
              Sign out
            </button>
          </SignOutForm>
        </div>
      ) : null}
    </div>
  );
}
