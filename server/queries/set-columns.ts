import "server-only";

/**
 * A set's values in hand-written SQL, built from the one column map (db/schema: SET_COLUMNS), so a
 * statement that reads sets by alias names every value, by its own name, and a new one needs no edit.
 */
import { type SQL, sql } from "drizzle-orm";
import { SET_COLUMNS } from "@/db/schema";
import { SET_FIELDS } from "@/lib/training/set";

const column = (alias: string, field: (typeof SET_FIELDS)[number]) =>
  sql`${sql.identifier(alias)}.${sql.identifier(SET_COLUMNS[field].name)}`;

/** `s.weight_kg, s.reps, …`: the value columns of the set table known as `alias`. */
export function setValueColumns(alias: string): SQL {
  return sql.join(
    SET_FIELDS.map((field) => column(alias, field)),
    sql`, `,
  );
}

/** `'weightKg', s.weight_kg, …`: json_build_object's arguments for the values. */
export function setValuesJson(alias: string): SQL {
  return sql.join(
    SET_FIELDS.map((field) => sql`${sql.raw(`'${field}'`)}, ${column(alias, field)}`),
    sql`, `,
  );
}
