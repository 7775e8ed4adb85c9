import { z } from "@/lib/zod";
import {
  hasVariedCharacters,
  isCommonPassword,
  NEW_PASSWORD_MESSAGES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "./password-rules";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like you@example.com.")
  .transform((email) => email.toLowerCase());

const M = NEW_PASSWORD_MESSAGES;

/** A new password, by the rules in ./password-rules (the forms' plain check): same limits, same words. */
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, M.tooShort)
  .max(PASSWORD_MAX_LENGTH, M.tooLong)
  .refine((p) => !isCommonPassword(p), M.common)
  .refine(hasVariedCharacters, M.guessable);

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(100, "Use at most 100 characters."),
  email: emailField,
  password: newPasswordField,
});

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});

const SAME_SITE = "http://same-site.invalid";

/**
 * Only same-site relative paths may be used after sign-in, never another origin. Control characters
 * and backslashes are refused (a newline in a Location header was a 500), and the rest is returned as
 * the URL parser reads it, percent-encoded, so any character a hand-edited link holds is a valid header.
 */
export function safeRedirectPath(value: string | undefined, fallback: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, SAME_SITE);
    return url.origin === SAME_SITE ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: newPasswordField,
});

export const passwordResetRequestSchema = z.object({ email: emailField });

/** A reset link's token: 32 random bytes, base64url (server/auth/password-reset.ts). */
export const resetTokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is not valid.");

export const resetPasswordSchema = z.object({
  token: resetTokenField,
  password: newPasswordField,
});
