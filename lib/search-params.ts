import { NotFoundError } from "./errors";

/** Search params as Next passes them to pages. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search param, trimmed; undefined when absent or blank. */
export function param(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** A positive int4 id from text, or undefined for anything else (a hand-edited URL). */
export function parseId(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 && id <= 2_147_483_647 ? id : undefined;
}

/** A positive whole-number search param (an id or a cursor), or undefined. */
export function idParam(params: SearchParams, key: string): number | undefined {
  return parseId(param(params, key));
}

/** A run id from a route segment, or a 404 for route handlers. */
export function runIdOrNotFound(segment: string): number {
  const runId = parseId(segment);
  if (!runId) throw new NotFoundError("That migration run");
  return runId;
}
