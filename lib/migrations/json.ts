/**
 * JSON helpers shared by the migrations. jsonb columns are read as text and parsed here, not by the
 * driver, for two reasons: SQL NULL and JSON null must stay distinct (undo restores exactly what was
 * there), and both drivers then hand the classifier the same values.
 */

/** Parse a jsonb column selected as `col::text`. SQL NULL becomes `undefined`; JSON null stays null. */
export function parseJsonColumn(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return undefined;
  return JSON.parse(text);
}

/** A short description of a JSON value for error messages: `a list`, `the number 42`, `"gym"`. */
export function describeJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  switch (typeof value) {
    case "string":
      return `the text ${quoted(value)}`;
    case "number":
      return `the number ${String(value)}`;
    case "boolean":
      return `the boolean ${String(value)}`;
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

/** JSON-quoted and cut to a readable length, so a huge or hostile value cannot flood a report. */
export function quoted(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
