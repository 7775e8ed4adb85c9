import { param, type SearchParams } from "@/lib/search-params";
import { type ItemStatus, ROW_STATUSES, UNDO_STATUSES } from "./run-values";

/** The statuses a run's details table filters by: skipped rows are not recorded as items. */
export const RUN_ITEM_STATUSES = ROW_STATUSES.filter((status) => status !== "skipped");
export const UNDO_ITEM_STATUSES = UNDO_STATUSES;
export type ItemStatusFilter = ItemStatus;

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
