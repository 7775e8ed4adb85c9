/**
 * Fix in place: an admin corrects one row's value from a run's error list. The form sends each of
 * the migration's fixable columns as text (JSON for jsonb columns); these rules turn that text into
 * the value stored, or a message for the field. Shared by the form and the server action.
 */
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/ids";

/** How a column's value is typed into the form. */
export type FixKind = "json" | "text" | "integer" | "boolean";

export interface FixField {
  /** SQL column name, which is also the form field's name. */
  column: string;
  kind: FixKind;
  nullable: boolean;
}

export const MAX_FIX_VALUE_LENGTH = 20_000;

/** The form: which run and row, and one text per fixable column (named by its SQL name). */
export const rowFixSchema = z
  .object({ runId: idSchema, rowId: idSchema })
  .catchall(z.string().max(MAX_FIX_VALUE_LENGTH, `Use at most ${MAX_FIX_VALUE_LENGTH.toLocaleString("en")} characters.`));

export type ParsedFixValue = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * The value a field's text stands for. An empty field is SQL NULL (`undefined` for JSON columns,
 * as the classifier reads it; `null` otherwise) where the column allows it.
 */
export function parseFixValue(field: FixField, text: string): ParsedFixValue {
  const trimmed = text.trim();
  if (trimmed === "") {
    if (!field.nullable) return { ok: false, message: "Enter a value: this column cannot be empty." };
    return { ok: true, value: field.kind === "json" ? undefined : null };
  }
  switch (field.kind) {
    case "json":
      try {
        return { ok: true, value: JSON.parse(trimmed) };
      } catch {
        return {
          ok: false,
          message: 'Enter JSON: text in double quotes ("full_gym"), a list (["dumbbells"]), a number, true, false or null.',
        };
      }
    case "integer":
      return /^-?\d{1,9}$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, message: "Enter a whole number." };
    case "boolean":
      return trimmed === "true" || trimmed === "false"
        ? { ok: true, value: trimmed === "true" }
        : { ok: false, message: "Enter true or false." };
    case "text":
      return { ok: true, value: text };
  }
}

/** What the form shows for a stored value: JSON text for JSON columns, empty for SQL NULL. */
export function fixFieldText(field: FixField, value: unknown): string {
  if (value === undefined || value === null) return field.kind === "json" && value === null ? "null" : "";
  if (field.kind === "json") return JSON.stringify(value);
  return String(value);
}
