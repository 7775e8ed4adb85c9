/**
 * The anonymized copy's column rules: what each kind of column becomes (anonymize-rules.ts says which
 * column is which). A rule is pure given its context, which the anonymizer (anonymize.ts) builds for
 * one export.
 */
import "server-only";
import { replaceEmails, userPseudonymEmail, userPseudonymName } from "@/lib/anonymize/pseudonyms";
import { isRecord } from "@/lib/is-record";

export type Row = Record<string, unknown>;

/** What stands in for text the copy withholds where the column needs some text. */
export const ANONYMIZED_TEXT = "(withheld in an anonymized copy)";

export interface AnonymizeContext {
  /** A user's pseudonym when a user of the copy has this email, else a keyed one. */
  emailPseudonym(email: string): string;
  exerciseName(name: string): string;
  splitName(name: string): string;
  /** The table the migration behind a run item or row fix reads, while that migration is registered. */
  migrationTable(row: Row): string | undefined;
  /** The rule of `table.column` (none: the column is not text, and kept). */
  columnRule(table: string, column: string): ColumnRule | undefined;
}

export interface ColumnRule {
  /** Left out of the row, as a dump without secrets leaves password hashes out. */
  omit?: true;
  /** The value in the copy; no function: kept. */
  apply?(value: unknown, row: Row, context: AnonymizeContext): unknown;
  /** Whether the value may hold emails the anonymizer must look up first. */
  readsEmails?: true;
}

function scrub(value: unknown, context: AnonymizeContext): unknown {
  if (typeof value === "string") return replaceEmails(value, (email) => context.emailPseudonym(email));
  if (Array.isArray(value)) return value.map((v) => scrub(v, context));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, context)]));
  return value;
}

const unlessNull = (value: unknown, replaced: () => unknown) => (value === null || value === undefined ? value : replaced());

/** Not about anyone: kept as it is. */
const keep: ColumnRule = {};
/** Text or JSON that is not typed by an athlete, but may name someone by email. */
const scrubEmails: ColumnRule = { readsEmails: true, apply: (v, _row, context) => scrub(v, context) };

export const rules = {
  keep,
  scrubEmails,
  omit: { omit: true } satisfies ColumnRule,
  userEmail: { apply: (_v, row) => userPseudonymEmail(Number(row.id)) } satisfies ColumnRule,
  userName: { apply: (v, row) => unlessNull(v, () => userPseudonymName(Number(row.id))) } satisfies ColumnRule,
  /**
   * Who did something ("admin@ironlog.dev", "cli:root@host"): a user's email becomes their pseudonym,
   * and an operator's login and host name become "cli:operator".
   */
  actor: {
    readsEmails: true,
    apply: (v, _row, context) => (typeof v === "string" && v.startsWith("cli:") ? "cli:operator" : scrub(v, context)),
  } satisfies ColumnRule,
  replaceText: (text: string): ColumnRule => ({ apply: (v) => unlessNull(v, () => text) }),
  dropText: { apply: () => null } satisfies ColumnRule,
  exerciseName: { apply: (v, _row, context) => context.exerciseName(String(v)) } satisfies ColumnRule,
  /** The library's notes are the app's; an athlete's own exercise's are theirs. */
  customExerciseNotes: { apply: (v, row) => (row.created_by === null ? v : null) } satisfies ColumnRule,
  splitName: { apply: (v, _row, context) => context.splitName(String(v)) } satisfies ColumnRule,
  dayName: { apply: (_v, row) => `Day ${Number(row.position) + 1}` } satisfies ColumnRule,
  importFileName: { apply: (_v, row) => `history-import-${String(row.id)}` } satisfies ColumnRule,
  /**
   * A run item's or row fix's `before`/`after`: the migration's columns by SQL name, each by the rule
   * of that column, so a name in a run's history reads as the row it names does in the copy.
   */
  migrationValues: {
    readsEmails: true,
    apply: (v, row, context) => {
      if (!isRecord(v)) return scrub(v, context);
      const table = context.migrationTable(row);
      return Object.fromEntries(
        Object.entries(v).flatMap(([column, value]) => {
          if (table === undefined) return [[column, withheldText(value)]];
          const rule = context.columnRule(table, column);
          if (rule?.omit) return [];
          return [[column, scrub(rule?.apply ? rule.apply(value, {}, context) : value, context)]];
        }),
      );
    },
  } satisfies ColumnRule,
  /**
   * Why a row erred, which may quote the values it read: kept (emails replaced) when every value the
   * migration read is kept in the copy, withheld when one is replaced (a typed name).
   */
  migrationReason: {
    readsEmails: true,
    apply: (v, row, context) => {
      if (v === null || v === undefined) return v;
      const table = context.migrationTable(row);
      const read = isRecord(row.before) ? Object.keys(row.before) : [];
      const quotesOnlyKept =
        table !== undefined &&
        read.every((column) => {
          const rule = context.columnRule(table, column);
          // Kept, or kept but for emails (which the reason's own scrub replaces the same way).
          return rule === undefined || rule === keep || rule === scrubEmails;
        });
      return quotesOnlyKept ? scrub(v, context) : ANONYMIZED_TEXT;
    },
  } satisfies ColumnRule,
};

/** A value of a migration the app no longer knows: its text is withheld, its other values kept. */
function withheldText(value: unknown): unknown {
  if (typeof value === "string") return ANONYMIZED_TEXT;
  if (Array.isArray(value)) return value.map(withheldText);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withheldText(v)]));
  return value;
}
