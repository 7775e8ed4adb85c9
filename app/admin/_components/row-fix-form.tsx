"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import type { FixField } from "@/lib/migrations/row-fix";
import { fixRowAction } from "@/app/admin/runs/actions";

const idle: ActionState = { status: "idle" };

const HINTS: Record<FixField["kind"], string> = {
  json: 'JSON: "full_gym", ["dumbbells", "bench"], null; empty for no value.',
  text: "Text.",
  integer: "A whole number.",
  boolean: "true or false.",
};

/**
 * Correct one error row's values (fix in place). Each field holds the row's current value; the
 * server checks it against the migration's rules and answers by the field.
 */
export function RowFixForm({
  runId,
  rowId,
  fields,
  values,
  migrationPath,
}: {
  runId: number;
  rowId: number;
  fields: FixField[];
  values: Record<string, string>;
  migrationPath: string;
}) {
  const [state, action] = useActionState(fixRowAction, idle);
  const typed = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="mt-2 space-y-3" aria-label={`Fix row ${rowId}`}>
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="rowId" value={rowId} />
      {fields.map((field) => (
        <TextField
          key={field.column}
          id={`fix-${rowId}-${field.column}`}
          name={field.column}
          label={field.column}
          defaultValue={typed?.[field.column] ?? values[field.column] ?? ""}
          hint={HINTS[field.kind]}
          errors={state.status === "error" ? state.fieldErrors?.[field.column] : undefined}
          className="font-mono"
          autoComplete="off"
          spellCheck={false}
        />
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel="Checking and saving…">
          Save fix
        </SubmitButton>
        {state.status === "success" ? (
          <Link href={migrationPath} className="text-sm font-semibold text-brand-700 underline underline-offset-2">
            Preview again
          </Link>
        ) : null}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
