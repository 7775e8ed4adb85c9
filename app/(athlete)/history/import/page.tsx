import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card, PageHeader } from "@/components/ui/card";
import { UploadForm } from "@/app/(athlete)/history/import/_components/upload-form";
import { athletePage, requestTimeZone } from "@/server/athlete-page";

export const metadata: Metadata = { title: "Import history" };

export default async function ImportHistoryPage() {
  await athletePage("/history/import");
  const timeZone = await requestTimeZone();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="Import your history"
        description="Bring your workouts from Strong, Hevy or FitNotes. You see everything first; nothing is saved until you confirm."
      />
      <Card>
        <UploadForm defaultTimeZone={timeZone} zones={[...new Set([timeZone, "UTC", ...Intl.supportedValuesOf("timeZone")])]} />
      </Card>
      <p className="text-sm text-slate-600">
        <Link href="/history" className="font-semibold text-brand-700 hover:underline">
          ← Back to history
        </Link>
      </p>
    </div>
  );
}
