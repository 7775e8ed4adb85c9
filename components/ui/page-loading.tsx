/**
 * The loading state of a page whose data takes a moment. Only for segments with no notFound() below
 * them: a loading boundary starts the response streaming (status 200) before the page runs, so a
 * missing or foreign session, split or exercise under one would answer 200 instead of 404.
 */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-600">
      <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
      Loading…
    </div>
  );
}
