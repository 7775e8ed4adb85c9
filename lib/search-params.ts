import { parseId } from "./ids";

/** Search params as Next passes them to pages. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search param, trimmed; undefined when absent or blank. */
export function param(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** A positive whole-number search param (an id or a cursor), or undefined. */
export function idParam(params: SearchParams, key: string): number | undefined {
  return parseId(param(params, key));
}

/** A positive page number from the query string, defaulting to 1. */
export function pageParam(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && /^\d{1,6}$/.test(raw) && Number(raw) > 0 ? Number(raw) : 1;
}
