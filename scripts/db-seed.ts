/** Load the demo data into an empty database (PGlite in .data/, or DATABASE_URL). */
import { count } from "drizzle-orm";
import { runSchemaMigrations } from "@/db/client";
import { getDatabase, withSchemaMigrationDatabase } from "@/server/db";
import { users } from "@/db/schema";
import { loadDemoData } from "@/server/services/demo-data";
import { runCli } from "./cli";

await runCli(async () => {
  await withSchemaMigrationDatabase(runSchemaMigrations);
  const database = await getDatabase();
  const [{ n }] = await database.db.select({ n: count() }).from(users);
  if (n > 0) {
    console.log(`The database already has ${n} users; nothing seeded. The demo data goes into an empty database.`);
    return 0;
  }
  console.log(`Demo data loaded on ${database.driver}: ${await loadDemoData(database.db)}`);
});
