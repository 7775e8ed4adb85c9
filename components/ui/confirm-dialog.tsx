"use client";

import { type ReactNode, useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface ConfirmRequest {
  /** The question ("Discard this workout?"). */
  title: string;
  /** What happens if the athlete says yes, when the title alone does not say it. */
  detail?: string;
  /** The button that goes ahead: names the action ("Discard workout"), never a bare "OK". */
  confirmLabel: string;
  tone?: "danger" | "primary";
}

/**
 * The app's own "are you sure?": a modal dialog (focus trapped, Escape cancels, Cancel focused first so
 * a stray Enter changes nothing) instead of the browser's `confirm()`, which cannot be styled, blocks
 * the page's scripts (the logger's sync and rest timer included) and is muted by some browsers.
 *
 * `confirm(request)` resolves true or false once the athlete answers; render `dialog` once.
 */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);

  const answer = useCallback((yes: boolean) => {
    resolver.current?.(yes);
    resolver.current = null;
    setRequest(null);
  }, []);

  const confirm = useCallback((next: ConfirmRequest) => {
    resolver.current?.(false);
    setRequest(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const dialog = (
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
  return { confirm, dialog };
}

/** "Delete “Push”? Logged sessions are kept." → the question as the title, the rest as the detail. */
export function splitQuestion(text: string): { title: string; detail?: string } {
  const end = text.indexOf("?");
  if (end < 0 || end === text.length - 1) return { title: text };
  return { title: text.slice(0, end + 1), detail: text.slice(end + 1).trim() || undefined };
}
