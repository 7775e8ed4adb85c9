"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import { issueResetLinkAction } from "./actions";
import { DateTime } from "@/components/admin/date-time";

type IssuedLink = { link: string; expiresAt: string; email: string };
const idle: ActionState<IssuedLink> = { status: "idle" };

/**
 * "Create reset link": for a migrated user or one who cannot read the emailed link. The link is in this
 * component's state only, shown once: leaving the page loses it (the database keeps only its hash), and
 * creating another one makes this one stop working.
 */
export function ResetLinkForm({ userId, email }: { userId: number; email: string }) {
  const [state, action] = useActionState(issueResetLinkAction, idle);
  const [copied, setCopied] = useState<string | null>(null);
  const issued = state.status === "success" ? (state.data as IssuedLink | undefined) : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton variant="secondary" pendingLabel="Creating…">
          {issued ? "Create another reset link" : "Create reset link"}
        </SubmitButton>
        <p className="text-sm text-slate-600">
          Give it to {email} yourself: it works once, within an hour, and replaces any earlier link.
        </p>
      </form>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      {issued ? (
        <div role="status" className="space-y-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          <p>
            Reset link for <span className="font-medium">{issued.email}</span>, shown only now. It expires at{" "}
            <DateTime value={issued.expiresAt} />.
          </p>
          <label htmlFor="issued-reset-link" className="sr-only">
            Reset link
          </label>
          <input
            id="issued-reset-link"
            readOnly
            value={issued.link}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-emerald-300 ring-inset"
          />
          <Button
            variant="secondary"
            className="min-h-9 px-3 py-1 text-xs"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(issued.link);
                setCopied(issued.link);
              } catch {
                setCopied(null);
              }
            }}
          >
            {copied === issued.link ? "Copied" : "Copy link"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
