import { describe, expect, it } from "vitest";
import { getTableColumns } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { ANONYMIZE_RULES } from "./anonymize-rules";
import { DUMP_TABLE_ORDER, NOT_DUMPED, schemaTablesByName } from "./tables";

// Columns that can hold what a person typed or who they are: text of any length, and JSON.
const TEXT_COLUMN_TYPES = new Set(["PgText", "PgVarchar", "PgChar", "PgJson", "PgJsonb"]);

function textColumns(table: string): string[] {
  const columns = Object.values(getTableColumns(schemaTablesByName().get(table)!)) as PgColumn[];
  return columns.filter((c) => TEXT_COLUMN_TYPES.has(c.columnType)).map((c) => c.name);
}

describe("the anonymized copy's rules", () => {
  it("name every table of db/schema", () => {
    expect([...schemaTablesByName().keys()].filter((name) => !ANONYMIZE_RULES[name])).toEqual([]);
    expect(Object.keys(ANONYMIZE_RULES).filter((name) => !schemaTablesByName().has(name))).toEqual([]);
  });

  it("name every text and JSON column of a table the copy holds", () => {
    const missing = Object.entries(ANONYMIZE_RULES).flatMap(([table, rule]) =>
      "columns" in rule
        ? textColumns(table)
            .filter((column) => !(column in rule.columns))
            .map((c) => `${table}.${c}`)
        : [],
    );
    expect(missing).toEqual([]);
  });

  it("name only columns the schema has", () => {
    const unknown = Object.entries(ANONYMIZE_RULES).flatMap(([table, rule]) => {
      if (!("columns" in rule)) return [];
      const columns = (Object.values(getTableColumns(schemaTablesByName().get(table)!)) as PgColumn[]).map((c) => c.name);
      return Object.keys(rule.columns)
        .filter((column) => !columns.includes(column))
        .map((c) => `${table}.${c}`);
    });
    expect(unknown).toEqual([]);
  });

  it("drop every table no dump carries, and keep rows of every table a rehearsal needs", () => {
    for (const table of Object.keys(NOT_DUMPED)) expect(ANONYMIZE_RULES[table], table).toHaveProperty("drop");
    for (const table of DUMP_TABLE_ORDER) expect(ANONYMIZE_RULES[table], table).toHaveProperty("columns");
  });
});
