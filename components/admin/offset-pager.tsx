import { Link } from "@/components/ui/link";

/** Previous/next links for a list paged by offset, keeping the current filters. */
export function OffsetPager({
  basePath,
  params,
  offset,
  limit,
  total,
  label,
  hash,
  offsetParam = "offset",
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  offset: number;
  limit: number;
  total: number;
  label: string;
  /** Fragment to land on (the table), so paging does not jump to the top of a long page. */
  hash?: string;
  /** The search param carrying this list's offset (a page with two lists needs two). */
  offsetParam?: string;
}) {
  if (total <= limit && offset === 0) return null;
  const href = (nextOffset: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    if (nextOffset > 0) query.set(offsetParam, String(nextOffset));
    const text = query.toString();
    return `${basePath}${text ? `?${text}` : ""}${hash ? `#${hash}` : ""}`;
  };
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const link = "rounded-md px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2">
      {offset > 0 ? (
        <Link href={href(Math.max(0, offset - limit))} className={link}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
      </span>
      {offset + limit < total ? (
        <Link href={href(offset + limit)} className={link}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
