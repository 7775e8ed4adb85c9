import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "@/lib/zod";
import type { User } from "@/db/schema";
import { ForbiddenError, GENERIC_ERROR_MESSAGE, NotSignedInError, UserFacingError } from "@/lib/errors";
import { currentUser } from "./session";
import type { Role } from "@/lib/auth/roles";
import type { ActionState, FieldErrors } from "@/lib/action-state";
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/text";
import { UNREADABLE_INPUT_MESSAGE } from "@/lib/http/limits";

export type { ActionState };

/** Load the caller and check the role. Admins may do anything an athlete may. */
export async function authorize(role: Role): Promise<User> {
  const user = await currentUser();
  if (!user) throw new NotSignedInError();
  if (role === "admin" && user.role !== "admin") throw new ForbiddenError();
  return user;
}

/** FormData as a plain object: repeated keys become arrays, files are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length === 1 && !key.endsWith("[]") ? values[0] : values;
  }
  return out;
}

function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string" && !/password/i.test(k)) values[k] = v;
  return values;
}

/**
 * The action's input as a plain object, or undefined when it is not one. The app's own forms send
 * FormData or an object; anything else (`[]`, `[null]`, a bare string) was forged or sent by a stale
 * page, and gets a readable error rather than a crash.
 */
function inputObject(input: unknown): Record<string, unknown> | undefined {
  if (input instanceof FormData) return formDataToObject(input);
  if (input !== null && typeof input === "object" && Object.getPrototypeOf(input) === Object.prototype)
    return input as Record<string, unknown>;
  return undefined;
}

type ActionBody<S extends z.ZodType, T, U> = (input: z.output<S>, user: U) => Promise<ActionState<T> | void>;

/**
 * Every server action goes through here: authenticate, authorise by role, validate the input with zod,
 * then run the body. The body is only the business step. Errors come back as values for the form;
 * unexpected ones are logged and shown as a generic message.
 */
function defineAction<S extends z.ZodType, T, U>(loadCaller: () => Promise<U>, schema: S, body: ActionBody<S, T, U>) {
  return async (_prev: ActionState<T> | undefined, input: FormData | z.input<S>): Promise<ActionState<T>> => {
    const raw = inputObject(input) ?? {};
    try {
      const caller = await loadCaller();
      if (!inputObject(input)) return { status: "error", message: UNREADABLE_INPUT_MESSAGE };
      // Before the schema: a NUL would pass zod and then fail in the database, as a 500.
      const unsafe = findUnsafeText(raw);
      if (unsafe !== undefined) {
        const field = unsafe.split(".")[0] || "form";
        return {
          status: "error",
          message: UNSAFE_TEXT_MESSAGE,
          fieldErrors: { [field]: [UNSAFE_TEXT_MESSAGE] },
          values: echoValues(raw),
        };
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>);
        return {
          status: "error",
          message: flat.formErrors[0] ?? "Please correct the highlighted fields.",
          fieldErrors: flat.fieldErrors as FieldErrors,
          values: echoValues(raw),
        };
      }
      return (await body(parsed.data, caller)) ?? { status: "success" };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound(), forbidden() are control flow, not failures.
      if (error instanceof UserFacingError) {
        const field = error.options.field;
        return {
          status: "error",
          message: field ? undefined : error.message,
          fieldErrors: field ? { [field]: [error.message] } : undefined,
          values: echoValues(raw),
        };
      }
      console.error("Server action failed", error);
      return { status: "error", message: GENERIC_ERROR_MESSAGE, values: echoValues(raw) };
    }
  };
}

/** For signed-in athletes (admins included). */
export const athleteAction = <S extends z.ZodType, T = unknown>(schema: S, body: ActionBody<S, T, User>) =>
  defineAction(() => authorize("athlete"), schema, body);
/** For admins only; athletes and visitors are refused before the input is even parsed. */
export const adminAction = <S extends z.ZodType, T = unknown>(schema: S, body: ActionBody<S, T, User>) =>
  defineAction(() => authorize("admin"), schema, body);
/** For visitors (sign-up, sign-in): validated like the rest, no caller required. */
export const publicAction = <S extends z.ZodType, T = unknown>(schema: S, body: ActionBody<S, T, null>) =>
  defineAction(async () => null, schema, body);

type RouteContext<P> = { params: Promise<P> };

/**
 * Route handlers go through here: 401 for visitors, 403 for the wrong role, JSON errors with a
 * status for UserFacingError (with `fieldErrors` when it names a field, the shape the logger shows),
 * and a generic 500 (stack in the log only) for the rest. Bodies are read with lib/http/read-body.ts.
 */
export function defineRoute<P = Record<string, string>>(
  role: Role,
  handler: (request: Request, ctx: { user: User; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const user = await authorize(role);
      return await handler(request, { user, params: await context.params });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UserFacingError) {
        const { code, field } = error.options;
        const fieldErrors = field ? { [field]: [error.message] } : undefined;
        return Response.json({ error: error.message, code, fieldErrors }, { status: error.status });
      }
      console.error("Route handler failed", error);
      return Response.json({ error: GENERIC_ERROR_MESSAGE }, { status: 500 });
    }
  };
}
