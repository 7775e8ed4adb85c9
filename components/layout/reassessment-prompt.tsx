import Link from "next/link";

/**
 * Shown on every athlete page while the user's assessment is flagged (`needs_reassessment`), e.g. by
 * the equipment migration when "basic equipment" came without the specific items.
 */
export function ReassessmentPrompt({ reason }: { reason: string | null }) {
  return (
    <div role="region" aria-label="Re-assessment needed" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
      <p className="font-semibold">Our equipment assessment has changed</p>
      <p className="mt-1 text-sm">
        Please re-complete your equipment details for better program recommendations.
        {reason ? <span className="block text-amber-800/80">{reason}</span> : null}
      </p>
      <Link href="/reassess" className="mt-3 inline-flex rounded-md bg-amber-600 px-3 py-2 text-sm font-semibold text-white hover:bg-amber-700">
        Update my equipment
      </Link>
    </div>
  );
}
