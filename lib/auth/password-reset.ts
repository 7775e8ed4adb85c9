/** What the reset pages say, in one place: the request's answer and why a link no longer works. */

/** The same answer whether or not an account exists for the email. */
export function resetRequestedMessage(email: string, keptInDemoOutbox = false): string {
  // The embedded demo without SMTP sends nothing: the message waits in its outbox, which admins read.
  if (keptInDemoOutbox) {
    return `If an account exists for ${email}, a link to reset the password is in the demo outbox: this demo sends no email. Sign in as an admin and open Admin → Demo outbox to follow it; the link works for an hour.`;
  }
  return `If an account exists for ${email}, we sent it a link to reset the password. Check your inbox (and spam folder): the link works for an hour.`;
}

/** The sign-in form's answer to any refused email and password, with the way out in it. */
export const SIGN_IN_REFUSED_MESSAGE = "Wrong email or password. Forgot it? Reset your password.";

export type ResetLinkState = "valid" | "used" | "expired" | "superseded" | "unknown";

export function resetLinkRefusal(state: Exclude<ResetLinkState, "valid">): string {
  switch (state) {
    case "used":
      return "This reset link was already used. If you still need to reset your password, request a new link.";
    case "expired":
      return "This reset link has expired: links work for an hour. Request a new one.";
    case "superseded":
      return "A newer reset link was issued since this one. Use the newest link, or request a new one.";
    case "unknown":
      return "This reset link is not valid. Check that you opened the whole link, or request a new one.";
  }
}
