import type { ReactNode } from "react";
import { requireAdmin } from "@/server/auth/session";
import { AdminNav } from "@/app/admin/_components/admin-nav";
import { usesDemoOutbox } from "@/server/mail/demo-outbox";

/**
 * Admin area. This check is a first line only: every admin page, server action and route handler
 * checks the role again on the server, because layouts do not guard actions or route handlers.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  // No path given: requireUser takes the requested one from the proxy, so /admin/users?q=x survives sign-in.
  await requireAdmin();
  return (
    <div className="space-y-6">
      <AdminNav demoOutbox={usesDemoOutbox()} />
      <div>{children}</div>
    </div>
  );
}
