/**
 * What a new password must be, as plain functions: the sign-up, reset and change-password forms state
 * these rules in the browser without shipping a schema library to the first page everyone sees. The
 * server's zod field (`newPasswordField` in ./schemas) is built from the same limits, list and words, and
 * a test holds the two together.
 */

/** The shortest password accepted: the forms' hints say it too. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** Fewer distinct characters than this ("aaaaaaaaaa", "ababababab") is too easy to guess. */
export const PASSWORD_MIN_DISTINCT = 4;

export const NEW_PASSWORD_MESSAGES = {
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: "That password is too common; choose another.",
  guessable: "That password is too easy to guess; mix more characters.",
} as const;

const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "1234567890",
  "qwertyuiop",
  "iloveyou123",
  "letmein1234",
  "ironlog-password",
]);

/** One of the passwords tried first by anyone guessing, in any case. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** Enough different characters not to be a repeated one or two. */
export function hasVariedCharacters(password: string): boolean {
  return new Set(password).size >= PASSWORD_MIN_DISTINCT;
}

/** The first rule a new password breaks, in the words shown beside the field, or undefined when it is fine. */
export function newPasswordProblem(password: string): string | undefined {
  // Characters as people count them and as zod's length checks do: an emoji is one, not two UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return NEW_PASSWORD_MESSAGES.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return NEW_PASSWORD_MESSAGES.tooLong;
  if (isCommonPassword(password)) return NEW_PASSWORD_MESSAGES.common;
  if (!hasVariedCharacters(password)) return NEW_PASSWORD_MESSAGES.guessable;
  return undefined;
}
