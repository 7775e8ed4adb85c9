import type { Metadata } from "next";
import { requireAdmin } from "@/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { IntegrityCheck } from "./integrity-check";

export const metadata: Metadata = { title: "Data integrity · Admin" };

export default async function IntegrityPage() {
  await requireAdmin("/admin/integrity");
  return (
    <div>
      <PageHeader
        title="Data integrity"
        description="The validator from the migration guide: row counts, activation ratings within 0–100, exercise types and difficulty, equipment_required is a list, assessments still in the legacy format, and orphaned rows."
      />
      <Card>
        <p className="mb-4 text-sm text-slate-600">
          The check reads every table, so it runs only when you ask. It reads one consistent snapshot and changes nothing.
        </p>
        <IntegrityCheck />
      </Card>
    </div>
  );
}
