/**
 * CSV for files people open in a spreadsheet (migration reports, the flagged-user list), written by
 * csv-stringify. Row data is user-controlled, and a spreadsheet runs a cell that starts with
 * = + - @ (or a tab or carriage return) as a formula, so such text gets a leading apostrophe; numbers
 * are left as they are (-3 stays a number). Objects are written as JSON, booleans as true/false,
 * dates as ISO 8601, null and undefined as an empty cell. Lines end in CRLF, as RFC 4180 and
 * spreadsheets expect.
 *
 * Not for the history export: that file must re-import exactly, so it keeps every value as it is.
 */
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a spreadsheet shows for a cell, never a formula it would run. */
function defused(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV lines for these rows (each a list of cells), every line ending in CRLF. */
export function spreadsheetCsv(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], {
    record_delimiter: "windows",
    // A line break of either kind inside a cell is quoted, not only the CRLF that ends a line.
    quoted_match: /[\r\n]/,
    cast: {
      string: defused,
      boolean: (value) => String(value),
      date: (value) => value.toISOString(),
      object: (value) => JSON.stringify(value),
    },
  });
}

/** One CSV line. */
export function spreadsheetCsvLine(cells: readonly unknown[]): string {
  return spreadsheetCsv([cells]);
}
