import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  const admin = await requireAdmin("/admin");
  return (
    <div>
      <PageHeader title="Admin" description={`Signed in as ${admin.email}.`} />
    </div>
  );
}
