/** Errors by field name, as zod's flatten() gives them and forms show them next to each field. */
export type FieldErrors = Record<string, string[] | undefined>;

/** What every server action returns to its form (`useActionState`). */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "success"; message?: string; data?: T }
  | { status: "error"; message?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };
