"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Dialog } from "@/components/ui/dialog";
import { ActionToast } from "@/components/admin/action-toast";
import type { ActionState } from "@/lib/action-state";
import { NOTICE_MESSAGE_MAX } from "@/lib/maintenance/notice";
import { endNoticeAction } from "./actions";

const idle: ActionState = { status: "idle" };

/**
 * End a window early (or cancel one not started), with the message users see instead of the banner.
 * Stays mounted once the notice is over (`canEnd` false), so the outcome's toast outlives the button.
 */
export function EndNoticeButton({ noticeId, started, canEnd }: { noticeId: number; started: boolean; canEnd: boolean }) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await endNoticeAction(previous, formData);
    if (result.status === "success") setOpen(false);
    return result;
  }, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const label = started ? "End early" : "Cancel maintenance";
  return (
    <>
      {canEnd ? (
        <Button
          variant="secondary"
          aria-haspopup="dialog"
          className="min-h-9 px-3 py-1 text-xs"
          onClick={() => setOpen(true)}
          aria-label={`${label} #${noticeId}`}
        >
          {label}…
        </Button>
      ) : null}
      <Dialog
        open={open && canEnd}
        onClose={() => setOpen(false)}
        title={started ? `End maintenance #${noticeId} now?` : `Cancel maintenance #${noticeId}?`}
      >
        <form action={action} className="space-y-4">
          <FormMessage state={state.status === "error" && !errors ? state : undefined} />
          <input type="hidden" name="noticeId" value={noticeId} />
          <TextAreaField
            label="Message to users"
            name="completionMessage"
            maxLength={NOTICE_MESSAGE_MAX}
            defaultValue={
              started
                ? "Maintenance is finished: Ironlog is fully available again."
                : "The planned maintenance is cancelled: nothing changes for you."
            }
            errors={errors?.completionMessage}
            hint="Replaces the banner for the next hour, then it clears."
            autoFocus
          />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep it
            </Button>
            <SubmitButton pendingLabel="Saving…">{started ? "End now" : "Cancel it"}</SubmitButton>
          </div>
        </form>
      </Dialog>
      <ActionToast state={state.status === "success" ? state : undefined} />
    </>
  );
}
