"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  // Migration and run pages belong to the overview, where the migrations are listed.
  { href: "/admin", label: "Overview", matches: (p: string) => p === "/admin" || /^\/admin\/(migrations|runs)\//.test(p) },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/flagged", label: "Flagged users" },
  { href: "/admin/integrity", label: "Data integrity" },
];

/** The admin area's own navigation; scrolls sideways on a phone rather than wrapping. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {ITEMS.map((item) => {
          const current = item.matches ? item.matches(pathname) : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
