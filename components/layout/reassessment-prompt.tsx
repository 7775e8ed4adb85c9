import { Link } from "@/components/ui/link";

/** The id of /reassess's page, which the prompt steps aside for (spelled out in its class too: Tailwind reads classes as written). */
export const REASSESS_PAGE_ID = "reassess-page";

/**
 * Shown on every athlete page while the user's assessment is flagged (`needs_reassessment`), e.g. by
 * the equipment migration when "basic equipment" came without the specific items. It speaks to the
 * athlete (the migration's own reason is for admins), and steps aside on /reassess, which is the
 * answer to it: by CSS, since the layout it sits in is not drawn again when the athlete moves to
 * another page, and a check of the address in the browser would put this on every page's JavaScript.
 */
export function ReassessmentPrompt() {
  return (
    <div
      role="region"
      aria-label="Re-assessment needed"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900 [body:has(#reassess-page)_&]:hidden"
    >
      <p className="font-semibold">We&apos;ve updated our equipment assessment</p>
      <p className="mt-1 text-sm">
        Please re-complete your equipment details: tell us what you train with, and we&apos;ll rebuild your program around it. It
        takes a minute.
      </p>
      <Link
        href="/reassess"
        className="mt-3 inline-flex min-h-11 items-center rounded-md bg-amber-600 px-3 py-2 text-sm font-semibold text-white hover:bg-amber-700"
      >
        Update my equipment
      </Link>
    </div>
  );
}
