// Below the athlete layout on purpose: the layout's sign-in redirect must run before anything streams,
// so visitors get a real 307 rather than a streamed redirect.
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-600">
      <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
      Loading…
    </div>
  );
}
