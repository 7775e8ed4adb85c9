/**
 * Scratch MySQL/MariaDB databases for tests that meet the old system's database, on the server
 * TEST_MYSQL_URL names (`.ci/run` starts MariaDB and sets it). Without it those tests skip locally
 * and fail under CI=true (requireTestMysql).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import mysql from "mysql2/promise";
import { expect } from "vitest";

/** mysql://user:pass@host:port (any database in it is ignored): a server the tests may create databases on. */
export const testMysqlUrl = process.env.TEST_MYSQL_URL || undefined;

/** For a test named like "has a MariaDB to test against": skip locally without one, fail in CI. */
export function requireTestMysql(context: { skip: (note?: string) => void }): void {
  if (!testMysqlUrl && process.env.CI !== "true") {
    context.skip("TEST_MYSQL_URL is not set (mysql://user:pass@127.0.0.1:3306): the MySQL tests are skipped");
  }
  expect(testMysqlUrl, "TEST_MYSQL_URL is not set, and CI requires MariaDB").toBeDefined();
}

export interface ScratchMysqlDatabase {
  /** mysql://user:pass@host:port/name of the new database. */
  url: string;
  name: string;
  /** Run SQL in it (several statements allowed), as a mysqldump file is loaded. */
  run(sql: string): Promise<void>;
  drop(): Promise<void>;
}

/** A new, empty database on the TEST_MYSQL_URL server; `sqlFile` is loaded into it when given. */
export async function createMysqlDatabase(sqlFile?: string): Promise<ScratchMysqlDatabase> {
  if (!testMysqlUrl) throw new Error("TEST_MYSQL_URL is not set");
  const name = `ironlog_legacy_${process.pid}_${randomBytes(4).toString("hex")}`;
  const server = new URL(testMysqlUrl);
  server.pathname = "/";
  const admin = await mysql.createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const run = async (sql: string) => {
    const connection = await mysql.createConnection({
      uri: url.toString(),
      multipleStatements: true,
      charset: "utf8mb4_general_ci",
    });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  if (sqlFile) await run(fs.readFileSync(sqlFile, "utf8"));
  return {
    url: url.toString(),
    name,
    run,
    drop: async () => {
      const connection = await mysql.createConnection({ uri: server.toString() });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
