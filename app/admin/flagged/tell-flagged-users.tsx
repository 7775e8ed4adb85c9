"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionToast } from "@/components/admin/action-toast";
import { Dialog } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action-state";
import { retryNoticeMailAction, tellFlaggedUsersAction } from "./actions";

const idle: ActionState = { status: "idle" };

/**
 * "Tell flagged users": the message previewed as it will be sent (subject, text with its /reassess link,
 * how many recipients), then queued for every flagged user not yet told. The server decides who that
 * is, so a second click (or a second admin) tells nobody twice.
 */
export function TellFlaggedUsers({ preview }: { preview: { subject: string; text: string; recipients: number } }) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await tellFlaggedUsersAction(previous, formData);
    if (result.status === "success") setOpen(false);
    return result;
  }, idle);
  const { recipients } = preview;
  return (
    <>
      <Button variant="primary" aria-haspopup="dialog" onClick={() => setOpen(true)} disabled={recipients === 0}>
        {recipients === 0
          ? "Everyone flagged was told"
          : `Tell ${recipients.toLocaleString("en")} flagged user${recipients === 1 ? "" : "s"}…`}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Tell flagged users to re-assess">
        <form action={action} className="space-y-4 text-left">
          <FormMessage state={state.status === "error" ? state : undefined} />
          <p className="text-sm text-slate-700">
            This message goes to <strong>{recipients.toLocaleString("en")}</strong> flagged user{recipients === 1 ? "" : "s"} not
            told yet, one email each, sent in the background. Users told before are not emailed again.
          </p>
          <figure className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
            <figcaption className="font-semibold">Subject: {preview.subject}</figcaption>
            <pre className="mt-2 font-sans whitespace-pre-wrap text-slate-800">{preview.text}</pre>
          </figure>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              Cancel
            </Button>
            <SubmitButton pendingLabel="Queueing…">{`Send to ${recipients.toLocaleString("en")} user${recipients === 1 ? "" : "s"}`}</SubmitButton>
          </div>
        </form>
      </Dialog>
      <ActionToast state={state.status === "success" ? state : undefined} />
    </>
  );
}

/** Retry one failed delivery, or all of them (no mailId). */
export function RetryDelivery({ mailId, label, accessibleName }: { mailId?: number; label: string; accessibleName?: string }) {
  const [state, action] = useActionState(retryNoticeMailAction, idle);
  return (
    <form action={action} className="inline">
      {mailId ? <input type="hidden" name="mailId" value={mailId} /> : null}
      <SubmitButton
        variant="secondary"
        className="min-h-9 px-3 py-1 text-xs"
        pendingLabel="Retrying…"
        aria-label={accessibleName}
      >
        {label}
      </SubmitButton>
      <ActionToast state={state.status === "idle" ? undefined : state} />
    </form>
  );
}

/** While messages wait in the queue, the page reloads its data every few seconds, so deliveries show as they happen. */
export function RefreshWhileSending({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
