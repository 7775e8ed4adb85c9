"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ConfirmRequest } from "./confirm-dialog";

/** The question of useConfirm (./confirm-dialog) on screen: Cancel first, then the button that goes ahead. */
export function ConfirmDialogView({ request, answer }: { request: ConfirmRequest | null; answer: (yes: boolean) => void }) {
  return (
    <Dialog open={request !== null} onClose={() => answer(false)} title={request?.title ?? ""}>
      {request?.detail ? <p className="text-sm text-slate-700">{request.detail}</p> : null}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => answer(false)} autoFocus>
          Cancel
        </Button>
        <Button variant={request?.tone ?? "danger"} onClick={() => answer(true)}>
          {request?.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
