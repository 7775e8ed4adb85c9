import type { MigrationRunItem } from "@/db/schema";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge, statusLabel } from "./badges";
import { OffsetPager } from "./offset-pager";
import { TableScroll } from "./table-scroll";

/** A row's values before or after a change, one line per column. */
export function ChangedValues({ values }: { values: Record<string, unknown> | null }) {
  if (!values || Object.keys(values).length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="space-y-0.5 font-mono text-xs">
      {Object.entries(values).map(([key, value]) => (
        <div key={key} className="flex flex-wrap gap-x-1">
          <dt className="text-slate-500">{key}:</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere] text-slate-900">{JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A run's recorded items (its details): filter by status, search by email, paged on the server. Each
 * row shows the values before and after, and the reason for flags, errors and conflicts.
 */
export function RunItemsTable({
  items,
  total,
  offset,
  limit,
  statuses,
  filter,
  basePath,
  keep = {},
  caption,
}: {
  items: MigrationRunItem[];
  total: number;
  offset: number;
  limit: number;
  /** The statuses this kind of run records, for the filter. */
  statuses: readonly string[];
  filter: { status?: string; email?: string };
  basePath: string;
  /** Other search params of the page to keep when filtering or paging. */
  keep?: Record<string, string | undefined>;
  caption: string;
}) {
  const filtered = Boolean(filter.status || filter.email);
  return (
    <div id="details" className="scroll-mt-20">
      <form
        action={basePath}
        role="search"
        aria-label={`Filter ${caption.toLowerCase()}`}
        className="mb-3 grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end"
      >
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <SelectField label="Status" name="status" id="details-status" defaultValue={filter.status ?? ""}>
          <option value="">All statuses</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Search by email"
          name="email"
          id="details-email"
          type="search"
          defaultValue={filter.email}
          placeholder="part of an email"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Filter details
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-600" role="status">
        {total.toLocaleString("en")} {filtered ? "matching " : ""}row{total === 1 ? "" : "s"}
        {filter.status ? ` with status ${statusLabel(filter.status).toLowerCase()}` : ""}
        {filter.email ? ` whose email contains “${filter.email}”` : ""}.
      </p>
      {items.length === 0 ? (
        <EmptyState title={filtered ? "No row matches" : "Nothing recorded"}>
          {filtered ? "Clear the filters to see every row." : "Skipped rows are counted but not listed."}
        </EmptyState>
      ) : (
        <TableScroll label={caption}>
          <table className="card-table min-w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  User
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Before
                </th>
                <th scope="col" className="px-3 py-2">
                  After
                </th>
                <th scope="col" className="px-3 py-2">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item) => (
                <tr key={item.id} className="align-top">
                  <td data-label="User" className="min-w-48 px-3 py-2">
                    <span className="font-medium [overflow-wrap:anywhere]">{item.userEmail ?? "—"}</span>
                    <span className="block text-xs text-slate-500">row {item.rowId}</span>
                  </td>
                  <td data-label="Status" className="px-3 py-2">
                    <StatusBadge status={item.status} />
                  </td>
                  <td data-label="Before" className="min-w-56 px-3 py-2">
                    <ChangedValues values={item.before} />
                  </td>
                  <td data-label="After" className="min-w-56 px-3 py-2">
                    <ChangedValues values={item.after} />
                  </td>
                  <td data-label="Reason" className="max-w-xs min-w-48 px-3 py-2 text-slate-700">
                    {item.reason ?? <span className="text-slate-400">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <OffsetPager
        basePath={basePath}
        params={{ ...keep, status: filter.status, email: filter.email }}
        offset={offset}
        limit={limit}
        total={total}
        label={`${caption} pages`}
        hash="details"
      />
    </div>
  );
}
