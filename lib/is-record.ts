/** A JSON object (not null, not an array): what a parsed body, a stored state or a jsonb value is read as. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
