import { Link } from "@/components/ui/link";
import type { MigrationChangeNotice } from "@/db/schema";
import { ActionButton } from "@/components/athlete/action-button";
import { dismissChangeNoticeAction } from "@/app/(athlete)/dashboard/actions";

/** What a data migration changed in the athlete's own answers, each until they dismiss it. */
export function ChangeNotices({ notices }: { notices: MigrationChangeNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <section aria-label="What changed in your answers" className="space-y-2">
      {notices.map((notice) => (
        <div key={notice.id} role="note" className="rounded-lg bg-sky-50 p-4 text-sm text-sky-950 ring-1 ring-sky-200">
          <p className="font-semibold">We updated your answer</p>
          <p className="mt-1">{notice.message}</p>
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <Link href={notice.href} className="font-semibold text-brand-700 underline underline-offset-2">
              Change your answer
            </Link>
            <ActionButton action={dismissChangeNoticeAction} fields={{ noticeId: notice.id }} variant="link" pendingLabel="…">
              Got it
            </ActionButton>
          </div>
        </div>
      ))}
    </section>
  );
}
