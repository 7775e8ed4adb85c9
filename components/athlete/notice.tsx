import type { ReactNode } from "react";

/** A short confirmation after an action that navigated here (e.g. ?saved=1). */
export function Notice({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "info" }) {
  return (
    <p
      role="status"
      className={`mb-6 rounded-md px-4 py-3 text-sm ring-1 ${tone === "success" ? "bg-emerald-50 text-emerald-900 ring-emerald-200" : "bg-brand-50 text-brand-700 ring-brand-100"}`}
    >
      {children}
    </p>
  );
}
