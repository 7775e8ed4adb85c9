"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionToast } from "@/components/admin/action-toast";
import { Dialog } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action-state";
import { changeRoleAction } from "./actions";
import type { Role } from "@/lib/auth/roles";

const idle: ActionState = { status: "idle" };

/** What the change means, said before it happens: a role is the widest permission Ironlog has. */
function consequence(newRole: Role, email: string, isSelf: boolean): string {
  if (newRole === "admin") {
    return `${email} will be able to run and undo data migrations, see every user's email and assessment, download a full export of the database, schedule maintenance and change anyone's role, including yours.`;
  }
  if (isSelf) return "You lose the admin area at once and go to your dashboard. Only another admin can give the role back.";
  return `${email} loses the admin area from their next page. Their own training data stays as it is.`;
}

/**
 * The button that gives a user the other role, and the confirmation dialog it opens (the app's own,
 * so it is styled, focus-trapped and says what the change means). The server refuses what the rules
 * do not allow; the refusal shows in the dialog.
 */
export function RoleChangeForm({ userId, email, role, isSelf }: { userId: number; email: string; role: Role; isSelf: boolean }) {
  const [open, setOpen] = useState(false);
  // The result the dialog was opened after: an old refusal must not greet the next attempt.
  const [stateAtOpen, setStateAtOpen] = useState<ActionState | null>(null);
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await changeRoleAction(previous, formData);
    if (result.status === "success") setOpen(false);
    return result;
  }, idle);
  const newRole = role === "admin" ? "athlete" : "admin";
  const label = newRole === "admin" ? "Make admin" : isSelf ? "Step down as admin" : "Make athlete";
  const title = newRole === "admin" ? `Make ${email} an admin?` : isSelf ? "Step down as admin?" : `Make ${email} an athlete?`;
  return (
    <>
      <Button
        variant="secondary"
        className="min-h-9 px-3 py-1 text-xs"
        aria-haspopup="dialog"
        aria-label={isSelf ? `${label}…` : `${label}: ${email}`}
        onClick={() => {
          setStateAtOpen(state);
          setOpen(true);
        }}
      >
        {label}…
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <form action={action} className="space-y-4 text-left">
          <FormMessage state={state === stateAtOpen || state.status !== "error" ? undefined : state} />
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="role" value={newRole} />
          <p className="text-sm text-slate-700">{consequence(newRole, email, isSelf)}</p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              Cancel
            </Button>
            <SubmitButton variant={newRole === "admin" ? "primary" : "danger"} pendingLabel="Saving…">
              {newRole === "admin" ? "Make admin" : isSelf ? "Step down" : "Make athlete"}
            </SubmitButton>
          </div>
        </form>
      </Dialog>
      <ActionToast state={state.status === "success" ? state : undefined} />
    </>
  );
}
