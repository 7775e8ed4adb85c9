import "server-only";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operation table and its zod schemas with
 * zod's own `z.toJSONSchema` (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses): request bodies and
 * query parameters as their input types (what a client sends, defaults optional), answers as output
 * types. Nothing is attached to the schemas themselves, so the copies the browser bundles stay as they are.
 */
import { z } from "@/lib/zod";
import { apiErrorSchema } from "@/lib/api/resources";
import { API_TOKEN_PREFIX } from "@/lib/api/tokens";
import { OPERATIONS, type Operation } from "./operations";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

const json = (schema: JsonSchema, example?: unknown) => ({
  "application/json": { schema, ...(example !== undefined ? { example } : {}) },
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The body is not JSON.",
  401: "No valid token (or session): it is missing, unknown, revoked or expired.",
  403: "A read-only token tried to write, or a cookie request came from another site.",
  404: "Not found (another athlete's ids are not found either).",
  409: "The workout is still in progress: finish it first.",
  413: "The body is larger than 1 MB.",
  422: "A value is not valid: `fields` names each one, by its dotted path.",
  429: "Too many requests with this token (120 a minute): wait the `Retry-After` seconds.",
};

function parameters(op: Operation): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const name of op.path.match(/\{(\w+)\}/g) ?? []) {
    list.push({ name: name.slice(1, -1), in: "path", required: true, schema: { type: "string" } });
  }
  if (op.query) {
    const schema = jsonSchema(op.query, "input");
    const required = (schema.required as string[] | undefined) ?? [];
    for (const [name, property] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) {
      list.push({ name, in: "query", required: required.includes(name), schema: property });
    }
  }
  if (op.writes) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Any unique string (a UUID): the same request sent again with it is answered as the first time, and changes nothing.",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    });
  }
  return list;
}

function operationObject(op: Operation): JsonSchema {
  const errors = [...new Set([401, 403, 429, ...op.errors, ...(op.body ? [400] : [])])].sort();
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: json(jsonSchema(op.body, "input"), op.bodyExample) } } : {}),
    responses: {
      [op.response.status]: {
        description: op.response.description,
        ...(op.response.schema ? { content: json(jsonSchema(op.response.schema, "output")) } : {}),
        ...(op.response.contentType
          ? { content: { [op.response.contentType]: { schema: { type: "string", contentMediaType: op.response.contentType } } } }
          : {}),
      },
      ...Object.fromEntries(errors.map((status) => [status, { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

let built: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
  if (built) return built;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const errorSchema = jsonSchema(apiErrorSchema, "output");
  built = {
    openapi: "3.1.0",
    info: {
      title: "Ironlog API",
      version: "1.0.0",
      description:
        "Your own training data: workouts, exercises, splits, records and progress. Make a personal access token on your profile " +
        `(it starts \`${API_TOKEN_PREFIX}\`) and send it as \`Authorization: Bearer <token>\`. Weights are kilograms, times seconds, ` +
        'distances metres. Every error is `{ "error": { "code", "message", "fields" } }`.',
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }],
    tags: [{ name: "Workouts" }, { name: "Exercises" }, { name: "Splits" }, { name: "Progress" }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token from your profile." },
      },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
          `Error${status}`,
          { description, content: json({ $ref: "#/components/schemas/Error" }) },
        ]),
      ),
    },
  };
  return built;
}
