export { getDb, getDatabase, closeDatabase, openDatabase, queryRows, runSchemaMigrations, schemaMigrationStatus } from "./client";
export type { Db, DbOrTx, Tx, Database, Driver } from "./client";
export * as schema from "./schema";
