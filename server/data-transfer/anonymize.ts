/**
 * The anonymizer: applies the rule list (anonymize-rules.ts) to the rows an export reads. It runs
 * inside the export's snapshot, reading what a rule needs beside a row: the library's exercise names
 * (kept: they are nobody's own), which migration each run ran (its items' values follow the rules of
 * that migration's table), and the users behind the emails found in text (a person keeps one
 * pseudonym everywhere).
 */
import "server-only";
import { getTableName, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db/client";
import {
  emailsIn,
  formerEmailPseudonym,
  newPseudonymKey,
  pseudonymousName,
  splitDecorations,
  userPseudonymEmail,
} from "@/lib/anonymize/pseudonyms";
import { EXERCISE_NAME_SUFFIXES, SPLIT_NAME_SUFFIXES } from "@/lib/migrations/strip-legacy-name-suffixes/rules";
import { findDataMigration } from "@/server/migrations/registry";
import type { AnonymizeContext, Row } from "./anonymize-columns";
import { ANONYMIZE_RULES, tableRule } from "./anonymize-rules";

export interface Anonymizer {
  /** Whether the copy leaves every row of this table out. */
  drops(table: string): boolean;
  /** Rows of a table as the export read them (JSON text), as the copy holds them. */
  rows(table: string, rowsJson: string[]): Promise<string[]>;
}

// Emails looked up so far; cleared when it grows past this, so a long export stays in bounded memory.
const MAX_CACHED_EMAILS = 50_000;

/** A new anonymizer for one export, with its own pseudonym key, reading through `tx` (the snapshot). */
export async function createAnonymizer(tx: DbOrTx): Promise<Anonymizer> {
  const key = newPseudonymKey();
  const library = new Set(
    (await queryRows<{ name: string }>(tx, sql`SELECT name FROM exercises WHERE created_by IS NULL`)).map((r) =>
      splitDecorations(r.name).base.toLowerCase(),
    ),
  );
  // Runs are an admin's actions, a few per migration: their migration ids fit in memory.
  const runMigration = new Map(
    (await queryRows<{ id: number; migration_id: string }>(tx, sql`SELECT id, migration_id FROM migration_runs`)).map((r) => [
      Number(r.id),
      r.migration_id,
    ]),
  );
  const userIdByEmail = new Map<string, number | null>();

  const context: AnonymizeContext = {
    emailPseudonym(email) {
      const id = userIdByEmail.get(email.toLowerCase());
      return typeof id === "number" ? userPseudonymEmail(id) : formerEmailPseudonym(key, email);
    },
    exerciseName: (name) =>
      pseudonymousName(name, key, { label: "Exercise", suffixes: EXERCISE_NAME_SUFFIXES, keep: (base) => library.has(base) }),
    splitName: (name) => pseudonymousName(name, key, { label: "Split", suffixes: SPLIT_NAME_SUFFIXES }),
    migrationTable(row) {
      const id = typeof row.migration_id === "string" ? row.migration_id : runMigration.get(Number(row.run_id));
      const migration = id === undefined ? undefined : findDataMigration(id);
      return migration ? getTableName(migration.declaration.table) : undefined;
    },
    columnRule(table, column) {
      const rule = ANONYMIZE_RULES[table];
      return rule && "columns" in rule ? rule.columns[column] : undefined;
    },
  };

  async function lookUpEmails(rowsJson: string[]): Promise<void> {
    const wanted = [...new Set(rowsJson.flatMap(emailsIn).map((e) => e.toLowerCase()))].filter((e) => !userIdByEmail.has(e));
    if (wanted.length === 0) return;
    if (userIdByEmail.size + wanted.length > MAX_CACHED_EMAILS) userIdByEmail.clear();
    const found = await queryRows<{ id: number; email: string }>(
      tx,
      sql`SELECT id, email FROM users WHERE email IN (SELECT value FROM json_array_elements_text(${JSON.stringify(wanted)}::text::json))`,
    );
    for (const email of wanted) userIdByEmail.set(email, null);
    for (const user of found) userIdByEmail.set(user.email, Number(user.id));
  }

  return {
    drops: (table) => "drop" in tableRule(table),
    async rows(table, rowsJson) {
      const rule = tableRule(table);
      if ("drop" in rule) return [];
      const columns = Object.entries(rule.columns);
      if (columns.some(([, c]) => c.readsEmails)) await lookUpEmails(rowsJson);
      return rowsJson.map((json) => {
        const row = JSON.parse(json) as Row;
        const out: Row = { ...row };
        for (const [column, columnRule] of columns) {
          if (!(column in row)) continue;
          if (columnRule.omit) delete out[column];
          else if (columnRule.apply) out[column] = columnRule.apply(row[column], row, context);
        }
        return JSON.stringify(out);
      });
    },
  };
}
