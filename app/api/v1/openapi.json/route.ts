import { openApiDocument } from "@/server/api-v1/openapi";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, public like any API reference. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
