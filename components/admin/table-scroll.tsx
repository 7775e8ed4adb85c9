import type { ReactNode } from "react";

/**
 * A wide table's frame: it scrolls sideways on a phone, and can be focused so keyboard users can
 * scroll it too (a scrollable region that cannot be focused is unreachable without a mouse).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      {children}
    </div>
  );
}
