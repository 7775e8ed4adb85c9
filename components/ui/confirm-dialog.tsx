"use client";

import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { afterIdle } from "@/components/ui/after-idle";

export interface ConfirmRequest {
  /** The question ("Discard this workout?"). */
  title: string;
  /** What happens if the athlete says yes, when the title alone does not say it. */
  detail?: string;
  /** The button that goes ahead: names the action ("Discard workout"), never a bare "OK". */
  confirmLabel: string;
  tone?: "danger" | "primary";
}

// The dialog is drawn only once a question is asked, so its code is not in the first download of the
// pages that may ask: it is fetched once the page is idle (the service worker keeps it for a visit with
// no signal), and awaited by a question asked before.
const loadView = () => import("./confirm-dialog-view");
const ConfirmDialogView = lazy(() => loadView().then((m) => ({ default: m.ConfirmDialogView })));

/**
 * The app's own "are you sure?": a modal dialog (focus trapped, Escape cancels, Cancel focused first so
 * a stray Enter changes nothing) instead of the browser's `confirm()`, which cannot be styled, blocks
 * the page's scripts (the logger's sync and rest timer included) and is muted by some browsers.
 *
 * `confirm(request)` resolves true or false once the athlete answers; render `dialog` once. Should the
 * dialog's code not load (no signal before it was fetched), the browser's own confirm() asks instead.
 */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  // Drawn from the first question on, and kept: closing the open <dialog> returns the focus to its opener.
  const [shown, setShown] = useState(false);
  const resolver = useRef<((answer: boolean) => void) | null>(null);

  const answer = useCallback((yes: boolean) => {
    resolver.current?.(yes);
    resolver.current = null;
    setRequest(null);
  }, []);

  const confirm = useCallback(async (next: ConfirmRequest) => {
    resolver.current?.(false);
    resolver.current = null;
    try {
      await loadView();
    } catch {
      return window.confirm(next.detail ? `${next.title}\n\n${next.detail}` : next.title);
    }
    setShown(true);
    setRequest(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  useEffect(() => afterIdle(() => void loadView().catch(() => {})), []);

  const dialog = shown ? (
    <Suspense fallback={null}>
      <ConfirmDialogView request={request} answer={answer} />
    </Suspense>
  ) : null;
  return { confirm, dialog };
}

/** "Delete “Push”? Logged sessions are kept." → the question as the title, the rest as the detail. */
export function splitQuestion(text: string): { title: string; detail?: string } {
  const end = text.indexOf("?");
  if (end < 0 || end === text.length - 1) return { title: text };
  return { title: text.slice(0, end + 1), detail: text.slice(end + 1).trim() || undefined };
}
