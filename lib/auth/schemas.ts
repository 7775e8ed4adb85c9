import { z } from "@/lib/zod";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like you@example.com.")
  .transform((email) => email.toLowerCase());

const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "1234567890",
  "qwertyuiop",
  "iloveyou123",
  "letmein1234",
  "ironlog-password",
]);

/** The shortest password accepted: the forms' hints say it too. */
export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "That password is too common; choose another.")
  .refine((p) => new Set(p).size >= 4, "That password is too easy to guess; mix more characters.");

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
