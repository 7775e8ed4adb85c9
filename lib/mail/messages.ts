/**
 * The words of every message Ironlog emails, as pure functions of what varies, so the admin's preview
 * and the sent message are the same text, and tests read them without a mail server.
 */

/** How long a reset link works: one hour, emailed or issued by an admin. */
export const RESET_LINK_LIFETIME_MINUTES = 60;

export function resetLinkPath(token: string): string {
  return `/reset-password/${token}`;
}

export function passwordResetMessage(link: string): { subject: string; text: string } {
  return {
    subject: "Reset your Ironlog password",
    text: [
      "Someone (hopefully you) asked to reset the password of your Ironlog account.",
      "",
      "Choose a new password here:",
      link,
      "",
      `The link works once, within ${RESET_LINK_LIFETIME_MINUTES} minutes. Setting a new password signs you out on your other devices.`,
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ].join("\n"),
  };
}

export const REASSESS_PATH = "/reassess";

/** What flagged users are told (docs/operator-guide.md, "Telling flagged users") (the same text for everyone). */
export function flaggedUserMessage(origin: string): { subject: string; text: string } {
  return {
    subject: "Please update your equipment details in Ironlog",
    text: [
      "We've updated our equipment assessment. Please re-complete your equipment details, so your program",
      "matches what you can train with:",
      `${origin}${REASSESS_PATH}`,
      "",
      "It takes a minute: sign in, choose your equipment, and your program is rebuilt from it.",
    ].join("\n"),
  };
}
