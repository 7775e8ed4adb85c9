import { describe, expect, it } from "vitest";
import { getTableConfig } from "drizzle-orm/pg-core";
import { CHECK_RULES } from "./row-schemas";
import { DUMP_TABLE_ORDER, NOT_DUMPED, dumpTables, schemaTablesByName } from "./tables";

describe("dump tables", () => {
  it("cover every table of db/schema, or say why one is left out", () => {
    const covered = new Set<string>([...DUMP_TABLE_ORDER, ...Object.keys(NOT_DUMPED)]);
    expect([...schemaTablesByName().keys()].filter((name) => !covered.has(name))).toEqual([]);
  });

  it("come after every table they reference, so records load in file order", () => {
    for (const table of dumpTables()) {
      for (const fk of table.foreignKeys) {
        expect(DUMP_TABLE_ORDER.indexOf(fk.table as never), `${table.name}.${fk.column} -> ${fk.table}`).toBeLessThan(
          DUMP_TABLE_ORDER.indexOf(table.name),
        );
      }
    }
  });

  it("check the references the database does not enforce, as if they were foreign keys", () => {
    const items = dumpTables().find((t) => t.name === "migration_run_items");
    expect(items?.foreignKeys).toContainEqual({ column: "run_id", table: "migration_runs", foreignColumn: "id" });
  });

  it("have a validation rule for every CHECK constraint", () => {
    const checks = dumpTables().flatMap((t) => getTableConfig(t.table).checks.map((c) => c.name));
    expect(checks.filter((name) => !CHECK_RULES[name])).toEqual([]);
    expect(Object.keys(CHECK_RULES).filter((name) => !checks.includes(name))).toEqual([]);
  });

  it("know each table's primary key", () => {
    const keys = Object.fromEntries(dumpTables().map((t) => [t.name, t.primaryKey]));
    expect(keys.users).toEqual(["id"]);
    expect(keys.exercise_muscles).toEqual(["exercise_id", "muscle_id"]);
    expect(dumpTables().every((t) => t.primaryKey.length > 0)).toBe(true);
  });
});
