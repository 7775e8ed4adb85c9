import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; both PGlite and Postgres apply the same SQL from drizzle/.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
});
