/**
 * Read the old Django system's MySQL or MariaDB database directly, as the records `dumpdata` would
 * have written (lib/legacy-import/django-tables.ts), so an operator with only the database (the app
 * decommissioned, a restored backup) imports it through the same plan as a dump.
 *
 * This is a connection to another system's database, read once by an operator's command; Ironlog's own
 * database is still reached only through db/.
 */
import "server-only";
import { type Connection, type TypeCast, createConnection } from "mysql2";
import type { Connection as PromiseConnection, RowDataPacket } from "mysql2/promise";
import type { DjangoRecord, LegacyPk } from "@/lib/legacy-import/django-dump";
import {
  DJANGO_TABLES,
  DJANGO_TABLE_NAMES,
  SPLIT_DAY_WORKOUTS_TABLE,
  djangoRecordFromRow,
} from "@/lib/legacy-import/django-tables";

/** Rows the driver holds ahead of the reader: tables are streamed, never loaded whole into a result. */
const STREAM_BUFFER_ROWS = 500;

/** Django's BooleanField is tinyint(1) on MySQL; the driver would hand over 0 and 1. */
const booleansAsBooleans: TypeCast = (field, next) => {
  if (field.type !== "TINY" || field.length !== 1) return next();
  const text = field.string();
  return text === null ? null : text !== "0";
};

/** The URL with its password (and any query options) left out: fit for a report or an error. */
export function describeLegacyDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${parsed.username}@` : "";
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return "(the legacy database)";
  }
}

/**
 * Every record of the tables Ironlog imports. Rows are streamed, so the driver never holds a whole
 * table; the records themselves are kept, as a dump's are, because the plan matches them across tables.
 * Read in one consistent snapshot, so a database the old system still writes to gives a coherent picture.
 */
export async function readLegacyDatabase(url: string): Promise<DjangoRecord[]> {
  // The promise API for the statements; its underlying connection for row streams, which only it has.
  const connection = createConnection({
    uri: url,
    charset: "utf8mb4_general_ci",
    // Datetimes as the database's text: naive and in UTC as Django writes them, mapped by the same rule
    // as a dump's, and a zero date ('0000-00-00', the MyISAM era's "none") reaches the report as given.
    dateStrings: true,
    // JSON as text from every server (MySQL's JSON type and MariaDB's LONGTEXT alike), parsed in one place.
    jsonStrings: true,
    supportBigNumbers: true,
    typeCast: booleansAsBooleans,
  });
  const db = connection.promise();
  // Fails here with the server's reason (wrong password, unknown database), before anything is asked.
  await db.connect();
  try {
    // TIMESTAMP columns are converted to the session's zone: make it UTC, what Django stores.
    await db.query("SET time_zone = '+00:00'");
    await checkTables(db);
    await db.query("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    const workoutsByDay = new Map<string, LegacyPk[]>();
    const link = SPLIT_DAY_WORKOUTS_TABLE;
    for await (const row of streamRows(connection, "SELECT ?? AS day, ?? AS workout FROM ?? ORDER BY id", [
      link.day,
      link.workout,
      link.table,
    ])) {
      const day = String(row.day);
      const list = workoutsByDay.get(day) ?? [];
      list.push(row.workout as LegacyPk);
      workoutsByDay.set(day, list);
    }
    const records: DjangoRecord[] = [];
    for (const table of DJANGO_TABLES) {
      for await (const row of streamRows(connection, "SELECT * FROM ?? ORDER BY id", [table.table])) {
        records.push(djangoRecordFromRow(table, row, workoutsByDay.get(String(row.id))));
      }
    }
    await db.query("COMMIT");
    await db.end();
    return records;
  } catch (error) {
    // A connection that failed may never answer a polite goodbye: close the socket.
    connection.destroy();
    throw error;
  }
}

async function checkTables(db: PromiseConnection): Promise<void> {
  const [[current]] = await db.query<RowDataPacket[]>("SELECT DATABASE() AS name");
  if (!current?.name) throw new Error("the URL names no database (mysql://user:pass@host:3306/DATABASE)");
  const [rows] = await db.query<RowDataPacket[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()",
  );
  const present = new Set(rows.map((r) => String(r.name)));
  const missing = DJANGO_TABLE_NAMES.filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new Error(
      `database ${String(current.name)} has no ${missing.join(", ")}: is it the old system's database (Django's default table names)?`,
    );
  }
}

async function* streamRows(
  connection: Connection,
  sql: string,
  values: readonly unknown[],
): AsyncGenerator<Record<string, unknown>> {
  // Paused while the reader is busy (backpressure), so a large table never piles up in memory.
  const stream = connection.query({ sql, values: [...values] }).stream({ highWaterMark: STREAM_BUFFER_ROWS });
  for await (const row of stream) yield row as Record<string, unknown>;
}
