"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionToast } from "@/components/admin/action-toast";
import type { ActionState } from "@/lib/action-state";
import { changeRoleAction } from "./actions";
import type { Role } from "@/lib/auth/roles";

const idle: ActionState = { status: "idle" };

/** One button that gives a user the other role; the server refuses what the rules do not allow. */
export function RoleChangeForm({ userId, email, role, isSelf }: { userId: number; email: string; role: Role; isSelf: boolean }) {
  const [state, action] = useActionState(changeRoleAction, idle);
  const newRole = role === "admin" ? "athlete" : "admin";
  const label = newRole === "admin" ? "Make admin" : isSelf ? "Step down as admin" : "Make athlete";
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={newRole} />
      <SubmitButton
        variant="secondary"
        className="min-h-9 px-3 py-1 text-xs"
        pendingLabel="Saving…"
        aria-label={isSelf ? label : `${label}: ${email}`}
      >
        {label}
      </SubmitButton>
      <ActionToast state={state} />
    </form>
  );
}
