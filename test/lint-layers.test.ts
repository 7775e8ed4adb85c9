/**
 * The layers are held by lint (eslint.config.mjs): these feed the real linter imports that point the
 * wrong way, as if they were files in the tree, and expect each refused, and the right way accepted.
 */
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports" || m.ruleId === "no-restricted-properties")
    .map((m) => m.message);
}

describe("the layers, as lint holds them", () => {
  it.each([
    [
      "lib/ imports the database client",
      "lib/fixture.ts",
      `import { openDatabase } from "@/db/client";\nexport const f = openDatabase;\n`,
    ],
    ["lib/ imports server code", "lib/fixture.ts", `import { getDb } from "@/server/db";\nexport const f = getDb;\n`],
    ["lib/ imports a driver", "lib/fixture.ts", `import { sql } from "drizzle-orm";\nexport const f = sql;\n`],
    [
      "lib/ reaches server code by a relative path",
      "lib/athlete/fixture.ts",
      `import { getDb } from "../../server/db";\nexport const f = getDb;\n`,
    ],
    [
      "db/ imports server code",
      "db/fixture.ts",
      `import { hashPassword } from "@/server/auth/passwords";\nexport const f = hashPassword;\n`,
    ],
    ["server/ imports a route", "server/fixture.ts", `import { GET } from "@/app/api/health/route";\nexport const f = GET;\n`],
    [
      "a component imports server code",
      "components/fixture.tsx",
      `import { getDb } from "@/server/db";\nexport const f = getDb;\n`,
    ],
    [
      "a component imports the database client",
      "components/fixture.tsx",
      `import { openDatabase } from "@/db/client";\nexport const f = openDatabase;\n`,
    ],
    ["a route imports the schema's tables", "app/fixture.ts", `import { users } from "@/db/schema";\nexport const f = users;\n`],
    [
      "a route imports the database client",
      "app/admin/fixture.tsx",
      `import { queryRows } from "@/db/client";\nexport const f = queryRows;\n`,
    ],
    ["a route imports drizzle-orm", "app/(auth)/fixture.ts", `import { eq } from "drizzle-orm";\nexport const f = eq;\n`],
    ["a route reads process.env", "app/fixture.ts", `export const url = process.env.DATABASE_URL;\n`],
  ])("refuses: %s", async (_what, filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    ["a route imports server code", "app/fixture.ts", `import { getDb } from "@/server/db";\nexport const f = getDb;\n`],
    [
      "server code imports the database and lib",
      "server/fixture.ts",
      `import { queryRows } from "@/db/client";\nimport { parseId } from "@/lib/ids";\nexport const f = [queryRows, parseId];\n`,
    ],
    [
      "a component imports a row type from the schema",
      "components/fixture.tsx",
      `import type { User } from "@/db/schema";\nexport type F = User;\n`,
    ],
    [
      "a route imports row types from the schema and the client",
      "app/fixture.ts",
      `import type { User } from "@/db/schema";\nimport type { Database } from "@/db/client";\nexport type F = [User, Database];\n`,
    ],
    ["the environment module reads process.env", "server/env.ts", `export const raw = process.env;\n`],
  ])("accepts: %s", async (_what, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});

describe("imports with one home, as lint holds them", () => {
  async function homeErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
  }

  it.each([
    ["a route imports zod itself", "app/fixture.ts", `import { z } from "zod";\nexport const f = z;\n`, "@/lib/zod"],
    [
      "a route imports Next's link",
      "app/fixture.tsx",
      `import Link from "next/link";\nexport const f = Link;\n`,
      "@/components/ui/link",
    ],
    [
      "the app's link imports Next's link",
      "components/ui/link.tsx",
      `import NextLink from "next/link";\nexport const f = NextLink;\n`,
      "@/components/ui/link",
    ],
    [
      "a link's pending state from Next's link",
      "components/fixture.tsx",
      `import { useLinkStatus } from "next/link";\nexport const f = useLinkStatus;\n`,
      "@/components/ui/link",
    ],
    [
      "the link's home imports zod itself",
      "components/ui/link.tsx",
      `import { z } from "zod";\nexport const f = z;\n`,
      "@/lib/zod",
    ],
  ])("refuses: %s", async (_what, filePath, code, home) => {
    const errors = await homeErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(home);
  });

  it.each([
    ["zod's home", "lib/zod.ts", `import { z } from "zod";\nexport const f = z;\n`],
    ["the app's link", "app/fixture.tsx", `import { Link } from "@/components/ui/link";\nexport const f = Link;\n`],
  ])("accepts: %s", async (_what, filePath, code) => {
    expect(await homeErrors(filePath, code)).toEqual([]);
  });
});
