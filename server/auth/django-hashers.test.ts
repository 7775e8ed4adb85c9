import { describe, expect, it } from "vitest";
import { DJANGO_PBKDF2_FIXTURES, djangoArgon2, djangoBcryptSha256 } from "@/test/django-password-fixtures";
import { isUnusableDjangoPassword } from "@/lib/legacy-import/legacy-values";
import { checkPassword, passwordFormatOf } from "./passwords";

describe("Django password hashes (from a legacy import)", () => {
  for (const { password, hash } of DJANGO_PBKDF2_FIXTURES) {
    const [algorithm, iterations] = hash.split("$");
    it(`${algorithm} at ${iterations} iterations: the right password passes and asks for argon2id`, async () => {
      expect(await checkPassword(password, hash)).toEqual({ valid: true, needsUpgrade: true, format: `django-${algorithm}` });
    });
    it(`${algorithm} at ${iterations} iterations: a wrong password fails`, async () => {
      expect((await checkPassword(`${password}!`, hash)).valid).toBe(false);
      expect((await checkPassword(password.toUpperCase(), hash)).valid).toBe(false);
    });
    it(`${algorithm} at ${iterations} iterations: a tampered hash fails`, async () => {
      const parts = hash.split("$");
      const digest = Buffer.from(parts[3], "base64");
      digest[0] ^= 1;
      const flippedDigest = [parts[0], parts[1], parts[2], digest.toString("base64")].join("$");
      const otherSalt = [parts[0], parts[1], `${parts[2]}x`, parts[3]].join("$");
      const otherCount = [parts[0], String(Number(parts[1]) + 1), parts[2], parts[3]].join("$");
      for (const tampered of [flippedDigest, otherSalt, otherCount])
        expect((await checkPassword(password, tampered)).valid).toBe(false);
    });
  }

  it("argon2 (Django's Argon2PasswordHasher): right passes, wrong fails", async () => {
    const hash = await djangoArgon2("correct horse battery");
    expect(hash).toMatch(/^argon2\$argon2id\$v=19\$m=102400,t=2,p=8\$/);
    expect(await checkPassword("correct horse battery", hash)).toEqual({
      valid: true,
      needsUpgrade: true,
      format: "django-argon2",
    });
    expect((await checkPassword("correct horse batter", hash)).valid).toBe(false);
  });

  it("bcrypt_sha256 (Django's BCryptSHA256PasswordHasher): right passes, wrong fails, tampered fails", async () => {
    const hash = await djangoBcryptSha256("correct horse battery");
    expect(await checkPassword("correct horse battery", hash)).toEqual({
      valid: true,
      needsUpgrade: true,
      format: "django-bcrypt_sha256",
    });
    expect((await checkPassword("Correct horse battery", hash)).valid).toBe(false);
    const tampered = hash.slice(0, -1) + (hash.endsWith("a") ? "b" : "a");
    expect((await checkPassword("correct horse battery", tampered)).valid).toBe(false);
  });

  it("never matches unusable or malformed Django passwords", async () => {
    for (const value of ["", "!", "!Xk3bS9qLmP0aZ2wE7rT1yUq7Hn2Lw9Vb4Rt6Ys1Mk8"])
      expect(isUnusableDjangoPassword(value)).toBe(true);
    expect(isUnusableDjangoPassword(DJANGO_PBKDF2_FIXTURES[0].hash)).toBe(false);
    for (const broken of [
      "pbkdf2_sha256$",
      "pbkdf2_sha256$abc$salt$AAAA",
      "pbkdf2_sha256$0$salt$AAAA",
      "pbkdf2_sha256$9999999$salt$AAAA",
      "pbkdf2_sha256$1000$salt$",
    ]) {
      expect(await checkPassword("", broken)).toMatchObject({ valid: false, needsUpgrade: false });
    }
    expect(passwordFormatOf("!abc")).toBeUndefined();
    expect(passwordFormatOf("md5$salt$5f4dcc3b5aa765d61d8327deb882cf99")).toBeUndefined();
  });
});
