import { handleAppApiRequest } from "@/server/api-v1/app-context";

/**
 * The athlete's API, /api/v1/*: one handler dispatches every operation from the table in
 * server/api-v1/operations.ts, which also generates /api/v1/openapi.json.
 */
type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  return handleAppApiRequest(request, (await params).path);
}

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const DELETE = handle;
export const PUT = handle;
