"use client";

import { useFormStatus } from "react-dom";
import type { ComponentProps } from "react";
import { buttonClasses } from "./button";

/** A form's submit button that disables itself and says so while the action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { pendingLabel?: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || props.disabled}
      aria-disabled={pending}
      className={buttonClasses(variant, className)}
      {...props}
    >
      {pending ? (pendingLabel ?? "Saving…") : children}
    </button>
  );
}
