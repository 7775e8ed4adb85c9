/**
 * The command-line scripts, run as an operator would (`npm run data:...` is `tsx scripts/...`), against
 * a temporary embedded database, or a fresh Postgres database when DATABASE_URL is set.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, createTestDatabase, usingPostgres } from "@/test/database";
import { TSX, scriptArgs } from "@/test/scripts";

const run = promisify(execFile);
let workDir: string;
let postgresTarget: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function script(name: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(TSX, scriptArgs(name, args), { env, cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-data-cli-"));
  env = { ...process.env, IRONLOG_DATA_DIR: path.join(workDir, "data") };
  delete env.DATABASE_URL;
  delete env.LEGACY_DATABASE_URL;
  if (usingPostgres) {
    postgresTarget = await createTestDatabase();
    env.DATABASE_URL = postgresTarget.url;
  }
});

afterAll(async () => {
  await postgresTarget?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("data scripts", () => {
  it("data:import-legacy imports the sample and exits 0, reporting rejections", async () => {
    const result = await script("data-import-legacy", "samples/legacy-dumpdata.json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Imported 104 row(s); 13 record(s) rejected and left out.");
    expect(result.stdout).toContain("workouts.workout 13: difficulty_level: difficulty 7 is not 1-3");
  });

  it("data:import-legacy --strict refuses with exit 1 when records are rejected", async () => {
    const result = await script("data-import-legacy", "samples/legacy-dumpdata.json", "--strict", "--dry-run");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Refused (strict)");
  });

  it("data:import-legacy --from-mysql without LEGACY_DATABASE_URL is a usage error (exit 2) saying what to set", async () => {
    const result = await script("data-import-legacy", "--from-mysql");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("LEGACY_DATABASE_URL is not set: export it as mysql://user:pass@host:3306/legacy");
  });

  it("data:import-legacy --from-mysql refuses a malformed LEGACY_DATABASE_URL (exit 2) without echoing it", async () => {
    const saved = env.LEGACY_DATABASE_URL;
    env.LEGACY_DATABASE_URL = "postgres://old:s3cret@db.internal/legacy";
    try {
      const result = await script("data-import-legacy", "--from-mysql", "--dry-run");
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("LEGACY_DATABASE_URL: must be a mysql:// URL naming the database");
      expect(result.stderr).not.toContain("s3cret");
    } finally {
      env.LEGACY_DATABASE_URL = saved;
    }
  });

  it("data:import-legacy takes either a file or --from-mysql, not both", async () => {
    const result = await script("data-import-legacy", "--from-mysql", "samples/legacy-dumpdata.json");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--from-mysql reads LEGACY_DATABASE_URL, not a file.");
  });

  it("data:export writes the dump file and exits 0", async () => {
    const file = path.join(workDir, "dump.ndjson");
    const result = await script("data-export", file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Exported 104 row(s) to ${file}`);
    expect(JSON.parse(fs.readFileSync(file, "utf8").split("\n")[0])).toMatchObject({
      format: "ironlog-dump",
      secrets: "omitted",
    });
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it("data:import refuses the non-empty database with exit 1, and --dry-run --replace exits 0", async () => {
    const file = path.join(workDir, "dump.ndjson");
    const refused = await script("data-import", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refused: the database already holds data");
    const dryRun = await script("data-import", file, "--dry-run", "--replace");
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain("would be imported, replacing the existing data");
  });

  it("data:import lists rejected records with file, line and field, and exits 1", async () => {
    const bad = path.join(workDir, "bad.ndjson");
    fs.writeFileSync(
      bad,
      fs.readFileSync(path.join(workDir, "dump.ndjson"), "utf8").replace("james.reid@example.com", "James.Reid@example.com"),
    );
    const result = await script("data-import", bad, "--replace");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("rejected: 1");
    expect(result.stderr).toContain(`${bad}:3 users.email: must be lower-case`);
  });

  it("data:import --replace loads the dump and exits 0", async () => {
    const result = await script("data-import", path.join(workDir, "dump.ndjson"), "--replace");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Imported 104 row(s), replacing the existing data.");
  });

  it("data:export --anonymize writes a copy with pseudonyms only, and refuses --include-secrets beside it", async () => {
    const file = path.join(workDir, "copy.ndjson");
    const result = await script("data-export", "--anonymize", file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("anonymized");
    const copy = fs.readFileSync(file, "utf8");
    expect(JSON.parse(copy.split("\n")[0])).toMatchObject({ anonymized: true, secrets: "omitted" });
    expect(copy).toContain("@example.invalid");
    expect(copy).not.toContain("maria.okafor@oldgym.example");
    const both = await script("data-export", "--anonymize", "--include-secrets", file);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("exclude each other");
  });

  it("data:import of an anonymized copy prints a one-time reset link for the staging admin", async () => {
    const copy = path.join(workDir, "copy.ndjson");
    const first = await script("data-import", copy, "--replace");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Staging admin: athlete-\d+@example\.invalid\.\n/);
    expect(first.stdout).toMatch(/^ {2}https?:\/\/\S+\/reset-password\/[\w-]{43}$/m);

    const athlete = /"email":"(athlete-\d+@example\.invalid)","name":"Athlete \d+","role":"athlete"/.exec(
      fs.readFileSync(copy, "utf8"),
    )![1];
    const named = await script("data-import", copy, "--replace", "--staging-admin", athlete);
    expect(named.code).toBe(0);
    expect(named.stdout).toContain(`Staging admin: ${athlete} (made an admin for staging).`);

    const notACopy = await script("data-import", path.join(workDir, "dump.ndjson"), "--replace", "--staging-admin", athlete);
    expect(notACopy.code).toBe(2);
    expect(notACopy.stderr).toContain("--staging-admin is for an anonymized copy");
  });

  it("exit 2 for wrong usage, and --help says what happens to a non-empty database", async () => {
    const [noFile, unknownOption, help] = await Promise.all([
      script("data-import"),
      script("data-export", "--frobnicate", "x"),
      script("data-import", "--help"),
    ]);
    expect(noFile.code).toBe(2);
    expect(unknownOption.code).toBe(2);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("refused unless --replace is given: this import never merges");
  });
});
