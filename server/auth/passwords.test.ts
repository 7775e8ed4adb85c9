import * as argon2 from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { checkPassword, hashPassword, passwordFormatOf, verifyPassword } from "./passwords";

const PASSWORD = "correct horse battery";

// One row per stored format Ironlog meets: how it was made, and what a right and a wrong password give.
const formats: { name: string; make: () => Promise<string>; format: string; needsUpgrade: boolean }[] = [
  { name: "argon2id at today's policy", make: () => hashPassword(PASSWORD), format: "argon2id", needsUpgrade: false },
  {
    name: "argon2id with weaker parameters than today's",
    make: () => argon2.hash(PASSWORD, { memoryCost: 4096, timeCost: 1, parallelism: 1 }),
    format: "argon2id",
    needsUpgrade: true,
  },
  {
    name: "bcryptjs cost 11 (every hash made before argon2id)",
    make: () => bcrypt.hash(PASSWORD, 11),
    format: "bcrypt",
    needsUpgrade: true,
  },
  {
    name: "bcrypt $2y$ (PHP-made)",
    make: async () => (await bcrypt.hash(PASSWORD, 4)).replace(/^\$2b\$/, "$2y$"),
    format: "bcrypt",
    needsUpgrade: true,
  },
];

describe("password hashes", () => {
  it("makes new hashes with argon2id", async () => {
    expect(await hashPassword(PASSWORD)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  for (const row of formats) {
    it(`${row.name}: accepts the right password${row.needsUpgrade ? " and asks for an upgrade" : ""}`, async () => {
      const hash = await row.make();
      expect(passwordFormatOf(hash)?.id).toBe(row.format);
      expect(await checkPassword(PASSWORD, hash)).toEqual({ valid: true, needsUpgrade: row.needsUpgrade, format: row.format });
    });

    it(`${row.name}: refuses a wrong password and asks for nothing`, async () => {
      const hash = await row.make();
      expect(await checkPassword("Correct horse battery", hash)).toEqual({
        valid: false,
        needsUpgrade: false,
        format: row.format,
      });
    });
  }

  it.each([
    ["no hash (an imported account that never set a password)", null, "none"],
    ["an empty hash", "", "none"],
    ["a format no entry recognises", "md5$5f4dcc3b5aa765d61d8327deb882cf99", "unknown"],
    ["a damaged argon2id hash", "$argon2id$v=19$m=19456,t=2,p=1$broken", "argon2id"],
  ])("refuses every password for %s", async (_name, hash, format) => {
    expect(await checkPassword(PASSWORD, hash)).toEqual({ valid: false, needsUpgrade: false, format });
  });

  it("spends about as long on an unknown email as on a known one", async () => {
    const known = await hashPassword(PASSWORD);
    await checkPassword("warm-up", null);
    // Alternated, so a burst of load on a shared machine slows both series alike; medians of 9.
    const timings = { known: [] as number[], unknown: [] as number[] };
    const time = async (hash: string | null) => {
      const t0 = performance.now();
      await verifyPassword("a wrong password", hash);
      return performance.now() - t0;
    };
    for (let i = 0; i < 9; i++) {
      timings.known.push(await time(known));
      timings.unknown.push(await time(null));
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[4];
    const [forKnown, forUnknown] = [median(timings.known), median(timings.unknown)];
    expect(forUnknown).toBeGreaterThan(forKnown / 3);
    expect(forUnknown).toBeLessThan(forKnown * 3);
  });
});
