/**
 * The pseudonyms an anonymized copy gives people and the names they typed. A person's pseudonym is
 * numbered by their user id (`athlete-1842@example.invalid`), so it says nothing about the email it
 * replaces and an admin on staging finds the same number in the users list. Anything without an id
 * (an email of a deleted account, a custom exercise name) takes a keyed hash: HMAC-SHA-256 with a key
 * made for one export and never written anywhere, so the same text gets the same pseudonym
 * everywhere in that copy and nobody can test a guess against it.
 */
import { createHmac, randomBytes } from "node:crypto";
import { ANY_LEGACY_SUFFIXES_PATTERN, type LegacySuffix } from "@/lib/migrations/strip-legacy-name-suffixes/rules";

/** The reserved domain (RFC 2606): a pseudonym can never reach a real mailbox. */
export const PSEUDONYM_DOMAIN = "example.invalid";

export function userPseudonymEmail(userId: number): string {
  return `athlete-${userId}@${PSEUDONYM_DOMAIN}`;
}

export function userPseudonymName(userId: number): string {
  return `Athlete ${userId}`;
}

/** A key for one export's keyed pseudonyms. */
export function newPseudonymKey(): Buffer {
  return randomBytes(32);
}

/**
 * 16 hex digits (64 bits) of the keyed hash: a million distinct names collide with a chance of about
 * one in thirty million, and a collision could break a uniqueness the copy must keep.
 */
export function keyedPseudonym(key: Buffer, text: string): string {
  return createHmac("sha256", key).update(text, "utf8").digest("hex").slice(0, 16);
}

/** The pseudonym of an email that belongs to no user of the copy (a deleted account, an address in text). */
export function formerEmailPseudonym(key: Buffer, email: string): string {
  return `someone-${keyedPseudonym(key, email.toLowerCase())}@${PSEUDONYM_DOMAIN}`;
}

/**
 * Anything shaped like an email address, as it may sit inside free text or a JSON value. Deliberately
 * loose (any non-space run around an @ with a dot after it): a false match only costs a pseudonym.
 */
const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[^\s@"'<>()[\]{},;:.]+/gu;

export function emailsIn(text: string): string[] {
  return text.match(EMAIL) ?? [];
}

export function replaceEmails(text: string, pseudonymOf: (email: string) => string): string {
  return text.replace(EMAIL, (email) => pseudonymOf(email));
}

const ANY_LEGACY_SUFFIXES = new RegExp(ANY_LEGACY_SUFFIXES_PATTERN, "u");

/** A name as typed (`base`) and the old system's decorations after it (`tail`, maybe empty). */
export function splitDecorations(name: string): { base: string; tail: string } {
  const match = ANY_LEGACY_SUFFIXES.exec(name);
  return match ? { base: name.slice(0, match.index), tail: name.slice(match.index) } : { base: name, tail: "" };
}

export interface NamePseudonymRule {
  /** The word the pseudonym starts with: `Exercise 3f9a…`. */
  label: string;
  /** The old system's decorations whose rules a data migration applies to these names. */
  suffixes: readonly LegacySuffix[];
  /** Names (lower case, decorations removed) that are nobody's own, kept as they are: the library's. */
  keep?: (lowerBase: string) => boolean;
}

/**
 * A typed name replaced so that a data migration classifies the copy as it classifies the original:
 * the old system's trailing decorations are kept as they were, and so is each text a decoration
 * depends on ("Bench Press", in its case), while the rest becomes a keyed pseudonym of the name
 * ignoring case. Two names of one owner that were equal ignoring case (once decorations are peeled)
 * still are, and names that differed still do, so the same rows migrate, skip and collide.
 * A name with nothing but decorations has nothing typed to hide and is kept.
 */
export function pseudonymousName(name: string, key: Buffer, rule: NamePseudonymRule): string {
  const { base, tail } = splitDecorations(name);
  const lowerBase = base.toLowerCase();
  if (base.trim() === "" || rule.keep?.(lowerBase)) return name;
  const markers = rule.suffixes.flatMap(({ addedWhenNameContains: marker }) => {
    if (marker === null || !lowerBase.includes(marker.toLowerCase())) return [];
    // In another case, the text reads the same ignoring case but no longer earns the decoration.
    return [base.includes(marker) ? marker : marker.toLowerCase() === marker ? marker.toUpperCase() : marker.toLowerCase()];
  });
  return [`${rule.label} ${keyedPseudonym(key, lowerBase)}`, ...markers].join(" ") + tail;
}
