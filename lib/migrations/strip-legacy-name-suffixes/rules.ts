/**
 * The legacy name suffixes' rules, shared by the exercise and the split declaration. The old system's
 * save step decorated names (docs/operator-guide.md, "Names the old system decorated"): " 💪" after exercise names containing "Bench Press",
 * " 🦵" after those containing "Squats", " 📅" after every split name. The legacy import brings the
 * names in as they were; this strips exactly what the transform added, and nothing an athlete typed.
 */
import type { RowOutcome } from "@/lib/migrations/outcome";
import { quoted } from "@/lib/migrations/json";

/** One decoration: the emoji, and the text a name had to contain to get it (none: every name). */
export interface LegacySuffix {
  emoji: string;
  addedWhenNameContains: string | null;
}

export const EXERCISE_NAME_SUFFIXES: readonly LegacySuffix[] = [
  { emoji: "💪", addedWhenNameContains: "Bench Press" },
  { emoji: "🦵", addedWhenNameContains: "Squats" },
];
export const SPLIT_NAME_SUFFIXES: readonly LegacySuffix[] = [{ emoji: "📅", addedWhenNameContains: null }];

/** Every emoji any transform appended: the SQL side narrows the collision lookup with it. */
export const ALL_LEGACY_EMOJI = [...EXERCISE_NAME_SUFFIXES, ...SPLIT_NAME_SUFFIXES].map((s) => s.emoji);

/**
 * The transform wrote a space and the emoji; an emoji presentation selector may follow it. Plain
 * spaces only, so that this and its use in SQL (the same string, read by Postgres) agree exactly.
 */
export function legacySuffixPattern(emoji: string): string {
  return ` +${emoji}\\uFE0F?$`;
}

function suffixPattern(emoji: string): RegExp {
  return new RegExp(legacySuffixPattern(emoji), "u");
}

/**
 * The name without the decorations the transform added, peeled from the end one at a time for as
 * long as the rest still qualifies (a name saved twice got the emoji twice). Case-sensitive, as the
 * transform was.
 */
export function stripLegacySuffixes(name: string, suffixes: readonly LegacySuffix[]): string {
  for (;;) {
    const peeled = suffixes
      .map((s) => ({ s, match: suffixPattern(s.emoji).exec(name) }))
      .find(
        ({ s, match }) =>
          match && (s.addedWhenNameContains === null || name.slice(0, match.index).includes(s.addedWhenNameContains)),
      );
    if (!peeled?.match) return name;
    name = name.slice(0, peeled.match.index);
  }
}

/** Names compare as the per-owner uniqueness does: ignoring case. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface NamedRow {
  name: string;
  /**
   * The names of the owner's other rows that could end up equal to this one's (the SQL side sends
   * those that start like it; sending more is harmless).
   */
  otherNames: string[];
}

/**
 * Classify one name. Migrated when it loses a suffix; an error, left alone, when nothing would be
 * left or when another row of the same owner has or would get the same name (ignoring case), so no
 * athlete ends up with two they cannot tell apart. Both rows of such a pair are errors: neither wins.
 */
export function classifyLegacyName(row: NamedRow, suffixes: readonly LegacySuffix[], noun: string): RowOutcome<NamedRow> {
  const stripped = stripLegacySuffixes(row.name, suffixes);
  if (stripped === row.name) return { status: "skipped" };
  const before = { name: row.name };
  if (stripped.trim() === "") {
    return { status: "error", before, reason: `nothing is left of the name ${quoted(row.name)} without its legacy suffix` };
  }
  const taken = row.otherNames.find((other) => sameName(stripLegacySuffixes(other, suffixes), stripped));
  if (taken !== undefined) {
    return {
      status: "error",
      before,
      reason: `without its legacy suffix the name would be ${quoted(stripped)}, the same as another ${noun} of the same owner (${quoted(taken)}); rename one of them by hand`,
    };
  }
  return { status: "migrated", before, after: { name: stripped } };
}

export const classifyExerciseName = (row: NamedRow) => classifyLegacyName(row, EXERCISE_NAME_SUFFIXES, "exercise");
export const classifySplitName = (row: NamedRow) => classifyLegacyName(row, SPLIT_NAME_SUFFIXES, "split");

/** A name that ends in any run of legacy decorations, in the same regex dialect (the SQL lookup's prefix). */
export const ANY_LEGACY_SUFFIXES_PATTERN = `( +(${ALL_LEGACY_EMOJI.join("|")})\\uFE0F?)+$`;
