import { Link } from "@/components/ui/link";

/**
 * Keyset paging links: "next" carries the cursor of the last row shown, so every page costs the same
 * as the first (no OFFSET). Going back restarts from the first page.
 */
export function Pager({
  basePath,
  params,
  next,
  isFirstPage,
  label = "Pages",
}: {
  basePath: string;
  /** The current filters, kept on every link. */
  params: Record<string, string | undefined>;
  next: string | number | null;
  isFirstPage: boolean;
  label?: string;
}) {
  if (next === null && isFirstPage) return null;
  const href = (after?: string | number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    if (after !== undefined) query.set("after", String(after));
    const text = query.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  const link = "rounded-md px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {isFirstPage ? (
        <span />
      ) : (
        <Link href={href()} className={link}>
          First page
        </Link>
      )}
      {next !== null ? (
        <Link href={href(next)} className={link}>
          Next page
        </Link>
      ) : (
        <span className="text-sm text-slate-500">End of the list</span>
      )}
    </nav>
  );
}
