import { param, type SearchParams } from "@/lib/search-params";

export const RUN_ITEM_STATUSES = ["migrated", "flagged", "error"] as const;
export const UNDO_ITEM_STATUSES = ["restored", "conflict"] as const;
export type ItemStatusFilter = (typeof RUN_ITEM_STATUSES)[number] | (typeof UNDO_ITEM_STATUSES)[number];

export const DETAILS_PAGE_SIZE = 25;

/** The details table's filters from the URL; values it does not know are ignored. */
export function detailsFilter(
  params: SearchParams,
  statuses: readonly ItemStatusFilter[],
): { status?: ItemStatusFilter; email?: string; offset: number } {
  const status = param(params, "status");
  const offsetText = param(params, "offset");
  const offset = offsetText && /^\d{1,9}$/.test(offsetText) ? Number(offsetText) : 0;
  return {
    status: statuses.find((s) => s === status),
    email: param(params, "email")?.slice(0, 200),
    offset,
  };
}
