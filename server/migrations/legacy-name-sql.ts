/**
 * The SQL the two legacy-name-suffix declarations share (exercise names, split names): the filter
 * twin of the rules, and the lookup of the owner's other names the rules compare a stripped name to.
 */
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  ANY_LEGACY_SUFFIXES_PATTERN,
  type LegacySuffix,
  legacySuffixPattern,
} from "@/lib/migrations/strip-legacy-name-suffixes/rules";

/** Names that lose a suffix: exactly those `stripLegacySuffixes` changes (its first step decides). */
export function endsInLegacySuffix(name: PgColumn, suffixes: readonly LegacySuffix[]): SQL {
  const each = suffixes.map(({ emoji, addedWhenNameContains: marker }) =>
    marker === null
      ? sql`${name} ~ ${legacySuffixPattern(emoji)}`
      : sql`(${name} ~ ${legacySuffixPattern(emoji)} AND strpos(${name}, ${marker}) > 0)`,
  );
  return sql`(${sql.join(each, sql` OR `)})`;
}

/**
 * The names of the same owner's other rows that start (ignoring case) like this name without any
 * trailing decoration: every name that has, or would get, the same stripped name is among them.
 */
export function otherNamesOfOwner(table: PgTable, key: PgColumn, owner: PgColumn, name: PgColumn): SQL {
  const other = (column: PgColumn) => sql`other.${sql.identifier(column.name)}`;
  return sql`ARRAY(SELECT ${other(name)} FROM ${table} AS other
    WHERE (${other(owner)} = ${owner} OR (${other(owner)} IS NULL AND ${owner} IS NULL)) AND ${other(key)} <> ${key}
      AND starts_with(lower(${other(name)}), lower(regexp_replace(${name}, ${ANY_LEGACY_SUFFIXES_PATTERN}, ''))))`;
}
