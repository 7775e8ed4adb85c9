"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

interface NavItem {
  href: string;
  label: string;
  matches?: (pathname: string) => boolean;
}

const ITEMS: NavItem[] = [
  // Migration and run pages belong to the overview, where the migrations are listed.
  { href: "/admin", label: "Overview", matches: (p: string) => p === "/admin" || /^\/admin\/(migrations|runs)\//.test(p) },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/flagged", label: "Flagged users" },
  { href: "/admin/integrity", label: "Data integrity" },
  { href: "/admin/maintenance", label: "Maintenance" },
];

/**
 * The admin area's own navigation. On a phone the tabs wrap onto a second line: a row that scrolls
 * sideways hid the last tabs behind the edge with nothing to say they were there.
 */
export function AdminNav({ demoOutbox }: { demoOutbox: boolean }) {
  const pathname = usePathname();
  // Only on the embedded demo without SMTP, where mail waits on the server instead of being sent.
  const items = demoOutbox ? [...ITEMS, { href: "/admin/outbox", label: "Demo outbox" }] : ITEMS;
  return (
    <nav aria-label="Admin" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-1">
        {items.map((item) => {
          const current = item.matches ? item.matches(pathname) : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
                  current
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
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
