"use client";

import type { ComponentProps } from "react";
import { buttonClasses } from "@/components/ui/button";

/** A submit button for forms dispatched with useFormAction (useFormStatus does not see those). */
export function PendingButton({
  pending,
  pendingLabel = "Saving…",
  variant = "primary",
  className = "",
  children,
  ...props
}: ComponentProps<"button"> & { pending: boolean; pendingLabel?: string; variant?: "primary" | "secondary" | "danger" }) {
  return (
    <button
      type="submit"
      disabled={pending || props.disabled}
      aria-disabled={pending}
      className={buttonClasses(variant, className)}
      {...props}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
