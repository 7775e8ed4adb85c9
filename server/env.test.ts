import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnvironment } from "./env";

describe("TRUSTED_PROXIES", () => {
  it("is empty when unset: only the socket address counts", () => {
    expect(parseEnvironment({}).TRUSTED_PROXIES).toEqual([]);
  });

  it("reads a comma-separated list of addresses and CIDR blocks", () => {
    expect(parseEnvironment({ TRUSTED_PROXIES: " 10.0.0.0/8, 127.0.0.1 ,fd00::/8" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "fd00::/8",
    ]);
  });

  it("refuses a host name, naming the variable and the entry", () => {
    expect(() => parseEnvironment({ TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" })).toThrow(ConfigurationError);
    expect(() => parseEnvironment({ TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" })).toThrow(
      /TRUSTED_PROXIES.*"proxy\.internal" is not an IP address/,
    );
  });
});

describe("mail settings", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://app@db:5432/ironlog" };

  it("are optional on the embedded demo and in development", () => {
    expect(parseEnvironment({ NODE_ENV: "production" }).SMTP_URL).toBeUndefined();
    expect(parseEnvironment({ DATABASE_URL: production.DATABASE_URL }).SMTP_URL).toBeUndefined();
  });

  it("are required in production with DATABASE_URL, each named", () => {
    expect(() => parseEnvironment(production)).toThrow(ConfigurationError);
    expect(() => parseEnvironment(production)).toThrow(
      /SMTP_URL: is required in production with DATABASE_URL[\s\S]*MAIL_FROM[\s\S]*APP_URL/,
    );
    const complete = {
      ...production,
      SMTP_URL: "smtps://u:p@smtp.example.com:465",
      MAIL_FROM: "Ironlog <no-reply@example.com>",
      APP_URL: "https://ironlog.example.com",
    };
    expect(parseEnvironment(complete)).toMatchObject({
      SMTP_URL: complete.SMTP_URL,
      MAIL_FROM: complete.MAIL_FROM,
      APP_URL: complete.APP_URL,
    });
  });

  it("are not asked for while `next build` runs", () => {
    expect(() => parseEnvironment({ ...production, NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("refuse a URL that is not SMTP and an origin with a path", () => {
    expect(() => parseEnvironment({ SMTP_URL: "http://mail.example.com" })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => parseEnvironment({ APP_URL: "https://ironlog.example.com/app" })).toThrow(
      /APP_URL: must be the app's public origin/,
    );
  });
});

describe("LEGACY_DATABASE_URL", () => {
  it("is optional, and reads a mysql:// or mariadb:// URL naming the database", () => {
    expect(parseEnvironment({}).LEGACY_DATABASE_URL).toBeUndefined();
    const url = "mysql://old:s3cret@db.internal:3306/legacy";
    expect(parseEnvironment({ LEGACY_DATABASE_URL: url }).LEGACY_DATABASE_URL).toBe(url);
    expect(parseEnvironment({ LEGACY_DATABASE_URL: "mariadb://old@db/legacy" }).LEGACY_DATABASE_URL).toBe(
      "mariadb://old@db/legacy",
    );
  });

  it("refuses another kind of URL, or one naming no database, without echoing the password", () => {
    for (const bad of ["postgres://old:s3cret@db/legacy", "mysql://old:s3cret@db:3306", "mysql://old:s3cret@db:3306/"]) {
      expect(() => parseEnvironment({ LEGACY_DATABASE_URL: bad })).toThrow(/LEGACY_DATABASE_URL: must be a mysql:\/\/ URL/);
      expect(() => parseEnvironment({ LEGACY_DATABASE_URL: bad })).not.toThrow(/s3cret/);
    }
  });
});

describe("database pooling", () => {
  const url = "postgres://app@pooler:6432/ironlog";

  it("connects directly with a pool of ten unless told otherwise", () => {
    const parsed = parseEnvironment({ DATABASE_URL: url });
    expect(parsed.DATABASE_POOLER).toBeUndefined();
    expect(parsed.DATABASE_POOL_MAX).toBe(10);
  });

  it("reads a transaction-mode pooler, a direct URL for migrations and a pool size", () => {
    expect(
      parseEnvironment({
        DATABASE_URL: url,
        DATABASE_POOLER: "transaction",
        DIRECT_DATABASE_URL: "postgres://app@db:5432/ironlog",
        DATABASE_POOL_MAX: "4",
      }),
    ).toMatchObject({
      DATABASE_POOLER: "transaction",
      DIRECT_DATABASE_URL: "postgres://app@db:5432/ironlog",
      DATABASE_POOL_MAX: 4,
    });
  });

  it("refuses a pooler mode it cannot honour and a pool a migration run would stall in", () => {
    expect(() => parseEnvironment({ DATABASE_URL: url, DATABASE_POOLER: "session" })).toThrow(
      /DATABASE_POOLER: must be transaction/,
    );
    expect(() => parseEnvironment({ DATABASE_URL: url, DATABASE_POOL_MAX: "1" })).toThrow(
      /DATABASE_POOL_MAX: must be at least 2/,
    );
    expect(() => parseEnvironment({ DATABASE_URL: url, DATABASE_POOL_MAX: "ten" })).toThrow(
      /DATABASE_POOL_MAX: must be a whole number/,
    );
  });

  it("refuses pooler settings on the embedded database", () => {
    expect(() => parseEnvironment({ DATABASE_POOLER: "transaction" })).toThrow(/DATABASE_POOLER: needs DATABASE_URL/);
    expect(() => parseEnvironment({ DIRECT_DATABASE_URL: "postgres://app@db:5432/ironlog" })).toThrow(
      /DIRECT_DATABASE_URL: needs DATABASE_URL/,
    );
  });
});
