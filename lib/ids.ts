/**
 * Row ids as they arrive from outside: URL segments, search params, form fields, JSON bodies. Every
 * table's id is a Postgres int4, so anything beyond its range is "not found" or a field error, never
 * a database error (Postgres refuses 2147483648 for an int4 column, and that would be a 500).
 */
import { z } from "@/lib/zod";
import { NotFoundError } from "./errors";

export const MAX_ID = 2_147_483_647;

const CHOOSE_FROM_LIST = "Choose an item from the list.";

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

/** An id in a form field (FormData sends text, so it is coerced), with the message its field shows. */
export function formId(message = CHOOSE_FROM_LIST) {
  return z.coerce.number(message).int(message).positive(message).max(MAX_ID, message);
}

/** An id in a JSON body: a number already, never coerced from a string or a boolean. */
export function jsonId(message = CHOOSE_FROM_LIST) {
  return z.number(message).int(message).positive(message).max(MAX_ID, message);
}

/** An id in a form or JSON body (FormData sends text). */
export const idSchema = formId();
