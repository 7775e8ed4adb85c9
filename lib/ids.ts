/**
 * Row ids as they arrive from outside: URL segments, search params, form fields. Every table's id is
 * a Postgres int4, so anything beyond its range is "not found", never a database error.
 */
import { z } from "zod";
import { NotFoundError } from "./errors";

export const MAX_ID = 2_147_483_647;

/** A positive int4 id from text, or undefined for anything else (a hand-edited URL). */
export function parseId(value: string | undefined | null): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 && id <= MAX_ID ? id : undefined;
}

/** An id from a route segment, or a NotFoundError (404) naming what was asked for. */
export function idOrNotFound(segment: string, what: string): number {
  const id = parseId(segment);
  if (id === undefined) throw new NotFoundError(what);
  return id;
}

/** An id in a form or JSON body (FormData sends text). */
export const idSchema = z.coerce
  .number("Choose an item from the list.")
  .int("Choose an item from the list.")
  .positive("Choose an item from the list.")
  .max(MAX_ID, "Choose an item from the list.");
