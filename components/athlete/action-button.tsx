"use client";

import { useActionState, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";
import { splitQuestion, useConfirm } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

function Submit({
  children,
  pendingLabel,
  variant,
  className,
  label,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant: Variant;
  className: string;
  label?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={label}
      className={
        variant === "link"
          ? `text-sm font-semibold text-brand-700 hover:underline disabled:text-slate-400 ${className}`
          : buttonClasses(variant, className)
      }
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

type Variant = "primary" | "secondary" | "danger" | "ghost" | "link";

/**
 * The action, or with no signal (the browser says it is offline, or the request never reached the
 * server: fetch's TypeError) a plain page load of `href`, which the service worker answers.
 */
function orOpen(action: Action, href: string): Action {
  return async (state, formData) => {
    if (!navigator.onLine) {
      window.location.assign(href);
      return state;
    }
    try {
      return await action(state, formData);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      window.location.assign(href);
      return state;
    }
  };
}

/**
 * One button that runs a server action with a few hidden fields (start this day, move up, delete…),
 * and shows the action's error message next to it. `confirm` asks first, in the app's dialog, with a
 * button named like this one ("Discard workout"); `confirmLabel` names it when the button is an icon.
 */
export function ActionButton({
  action,
  fields = {},
  children,
  pendingLabel,
  variant = "secondary",
  confirm,
  confirmLabel,
  label,
  className = "",
  offlineHref,
}: {
  action: Action;
  fields?: Record<string, string | number>;
  children: ReactNode;
  pendingLabel?: string;
  variant?: Variant;
  confirm?: string;
  confirmLabel?: string;
  /** Accessible name when the visible content is only an icon or arrow. */
  label?: string;
  className?: string;
  /** Where to go instead when the server cannot be reached (no signal): a page that works on the device. */
  offlineHref?: string;
}) {
  const [state, formAction] = useActionState(offlineHref ? orOpen(action, offlineHref) : action, {
    status: "idle",
  } as ActionState);
  const message = state.status === "error" ? (state.message ?? Object.values(state.fieldErrors ?? {})[0]?.[0]) : undefined;
  const asked = useConfirm();
  const form = useRef<HTMLFormElement>(null);
  // Set while the form is resubmitted after a yes, so that submit goes through.
  const confirmed = useRef(false);
  return (
    <form
      ref={form}
      action={formAction}
      className="inline-flex flex-col items-start"
      onSubmit={(e) => {
        if (!confirm || confirmed.current) {
          confirmed.current = false;
          return;
        }
        e.preventDefault();
        const name = confirmLabel ?? (typeof children === "string" ? children : label) ?? "Continue";
        void asked
          .confirm({
            ...splitQuestion(confirm),
            confirmLabel: name,
            tone: variant === "danger" || /delete|discard|remove|sign out/i.test(name) ? "danger" : "primary",
          })
          .then((yes) => {
            if (!yes) return;
            confirmed.current = true;
            form.current?.requestSubmit();
          });
      }}
    >
      {asked.dialog}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Submit pendingLabel={pendingLabel} variant={variant} className={className} label={label}>
        {children}
      </Submit>
      {message ? (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {message}
        </span>
      ) : null}
    </form>
  );
}
