/**
 * What the API reference page (/profile/api) says about the OpenAPI document: each schema's fields as
 * lines a person reads ("weightKg · number, 0 to 1500"), and a curl command for each operation.
 * Plain functions over the document's JSON, so the page renders whatever the document holds.
 */
type JsonSchema = Record<string, unknown>;

export type FieldLine = { path: string; type: string; required: boolean; note: string };

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A schema's type in words: "integer, 1 to 50", "one of normal, warmup", "string (date-time) or null". */
export function describeType(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) {
    const parts = schema.anyOf.filter(isSchema);
    const nullable = parts.some((p) => p.type === "null");
    const rest = parts.filter((p) => p.type !== "null").map(describeType);
    return `${rest.join(" or ")}${nullable ? " or null" : ""}`;
  }
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(", ")}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : String(schema.type ?? "any");
  const words: string[] = [];
  if (typeof schema.format === "string") words.push(schema.format);
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const safe = (n: unknown) => typeof n === "number" && Math.abs(n) < 9_007_199_254_740_991;
  if (safe(min) && safe(schema.maximum)) words.push(`${min} to ${schema.maximum}`);
  else if (safe(schema.maximum)) words.push(`at most ${schema.maximum}`);
  if (typeof schema.maxLength === "number") words.push(`up to ${schema.maxLength} characters`);
  if (type === "array" && isSchema(schema.items)) return `list of ${describeType(schema.items)}`;
  return words.length ? `${type} (${words.join(", ")})` : type;
}

/** Every field of an object schema, nested fields with dotted paths ("exercises[].sets[].reps"). */
export function fieldLines(schema: JsonSchema, prefix = "", depth = 0): FieldLine[] {
  const target = Array.isArray(schema.anyOf)
    ? (schema.anyOf.find((p) => isSchema(p) && p.type !== "null") as JsonSchema)
    : schema;
  const properties = isSchema(target?.properties) ? target.properties : {};
  const required = Array.isArray(target?.required) ? (target.required as string[]) : [];
  const lines: FieldLine[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (!isSchema(value)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const note = "default" in value ? `default ${JSON.stringify(value.default)}` : "";
    lines.push({ path, type: describeType(value), required: required.includes(name), note });
    if (depth >= 4) continue;
    const items = value.type === "array" && isSchema(value.items) ? value.items : null;
    if (items && (items.type === "object" || items.properties)) lines.push(...fieldLines(items, `${path}[]`, depth + 1));
    else if (value.type === "object" || isSchema(value.properties)) lines.push(...fieldLines(value, path, depth + 1));
  }
  return lines;
}

/** A curl command for an operation, reading the token from $IRONLOG_TOKEN. */
export function curlCommand(request: {
  origin: string;
  method: string;
  path: string;
  body?: unknown;
  idempotent: boolean;
  /** Where a file answer is written (curl would print its bytes otherwise). */
  output?: string;
}): string {
  const output = request.output ? ` -o ${request.output}` : "";
  const lines = [
    `curl -sS${request.method === "GET" ? "" : ` -X ${request.method}`}${output} '${request.origin}/api/v1${request.path}'`,
  ];
  lines.push(`  -H "Authorization: Bearer $IRONLOG_TOKEN"`);
  if (request.idempotent) lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
  if (request.body !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d '${JSON.stringify(request.body).replaceAll("'", "'\\''")}'`);
  }
  return lines.join(" \\\n");
}
