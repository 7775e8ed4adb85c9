import type { ReactNode } from "react";
import { TextField } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

/** A field for choosing a password (sign-up, reset, change): the browser may offer to generate one. */
export function NewPasswordField({
  label = "Password",
  name = "password",
  errors,
  hint = "A short phrase is easy to remember and hard to guess.",
}: {
  label?: string;
  name?: string;
  errors?: string[];
  /** Said after the length rule. */
  hint?: ReactNode;
}) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      hint={
        <>
          At least {PASSWORD_MIN_LENGTH} characters. {hint}
        </>
      }
      errors={errors}
    />
  );
}
