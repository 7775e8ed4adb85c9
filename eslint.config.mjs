import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/**
 * The layers (see "Where things live" in docs/development.md): app → server → db, and anything may use
 * lib/. Each block below names what a layer must not import; `test/lint-layers.test.ts` proves a
 * wrong-way import is refused.
 * Specifiers use the `@/` alias (relative imports across folders are refused too, by pattern).
 */
const serverAndAbove = ["@/server", "@/server/*", "**/server/*", "@/app/*", "**/app/*"];
const uiLayers = ["@/components/*", "**/components/*"];
const databaseModules = ["@/db/*", "**/db/*"];
const databaseDrivers = [
  "drizzle-orm",
  "drizzle-orm/*",
  "postgres",
  "mysql2",
  "mysql2/*",
  "@electric-sql/*",
  "server-only",
  "next",
  "next/*",
  "next-auth",
  "next-auth/*",
];

function refuse(groups, message, allowTypeImports = false) {
  return ["error", { patterns: [{ group: groups, message, allowTypeImports }] }];
}

/**
 * Imports with one home: the module that sets the library up is the only one to import it, and every
 * other file imports the home instead.
 */
const singleHomes = [
  // zod is configured once (no eval probe under the CSP) before any schema is built.
  { home: "lib/zod.ts", name: "zod", message: 'Import { z } from "@/lib/zod".' },
];

/**
 * Imports refused in every file. The app's link is the router's navigation on an anchor, prefetching when
 * the user reaches for it: next/link's own code (2.9 kB gzipped) would be in every page's first download.
 */
const refusedEverywhere = [
  {
    name: "next/link",
    message: "Import { Link } from \"@/components/ui/link\": next/link's code would be in every page's first download.",
  },
];

/**
 * One block per home (a file's last matching block sets the rule's options, so they cannot stack), each
 * refusing the imports refused everywhere too.
 */
function singleHomeImports() {
  const refused = (homes) => ["error", { paths: [...homes.map(({ home: _home, ...path }) => path), ...refusedEverywhere] }];
  return [
    {
      files: ["**/*.{ts,tsx}"],
      ignores: singleHomes.map(({ home }) => home),
      rules: { "no-restricted-imports": refused(singleHomes) },
    },
    ...singleHomes.map((entry) => ({
      files: [entry.home],
      rules: { "no-restricted-imports": refused(singleHomes.filter((other) => other !== entry)) },
    })),
  ];
}

const layerRules = [
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": refuse(
        [...serverAndAbove, ...uiLayers, ...databaseModules, ...databaseDrivers],
        "lib/ holds pure rules: no database, server, framework or UI imports. Move the code to server/ or pass what it needs in.",
      ),
    },
  },
  {
    // A rule's tests may use the demo library (plain data) as a realistic fixture, and nothing else below.
    files: ["lib/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": refuse(
        [...serverAndAbove, ...uiLayers, "@/db/client", "@/db/schema", "@/db/schema/*", "@/db/seed", ...databaseDrivers],
        "lib/ tests exercise pure rules: no database, server, framework or UI imports.",
      ),
    },
  },
  {
    files: ["db/**/*.{ts,tsx}"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": refuse(
        [...serverAndAbove, ...uiLayers],
        "db/ sits below server/: take what it needs (such as password hashing) as a parameter.",
      ),
    },
  },
  {
    files: ["server/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": refuse(
        ["@/app/*", "**/app/*", ...uiLayers],
        "server/ sits below app/ and the UI: move shared shapes to lib/.",
      ),
    },
  },
  {
    // Routes stay thin: the database is reached through server/ (types from db/ may be imported).
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": refuse(
        [...databaseModules, "@/db", "drizzle-orm", "drizzle-orm/*"],
        "app/ reaches the database through server/: move the query or write there (`import type` from db/ is fine).",
        true,
      ),
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": refuse(
        [...serverAndAbove, ...databaseModules],
        "components/ render what they are given: pass data in from app/ (types from db/schema may be imported with `import type`).",
        true,
      ),
    },
  },
  ...singleHomeImports(),
  {
    // The environment is read once, through server/env.ts's schema.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "server/**/*.{ts,tsx}", "db/**/*.{ts,tsx}"],
    ignores: ["server/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through server/env.ts." },
      ],
    },
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", ".data/**", "playwright-report/**", "test-results/**"]),
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without `where` touches every row: refuse it (`db` is our client's name).
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layerRules,
]);
