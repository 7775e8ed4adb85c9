import { type SQL, sql } from "drizzle-orm";

/**
 * A list of constant strings as SQL literals, for CHECK constraints built from lib's value lists
 * (a CHECK's expression is written into the migration, so it cannot take bound parameters).
 */
export function sqlList(values: readonly string[]): SQL {
  for (const value of values) if (!/^[a-z_]+$/.test(value)) throw new Error(`Not a plain value name: ${value}`);
  return sql.raw(values.map((value) => `'${value}'`).join(", "));
}
