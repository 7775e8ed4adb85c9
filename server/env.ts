/**
 * The environment, described once and parsed once. Every variable Ironlog reads is in this schema, so a
 * missing or malformed value fails at start-up with a message naming it, instead of somewhere deep in a
 * request. Nothing else in the codebase reads process.env (scripts pass values to the server through it).
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "@/lib/zod";
import { isAddressOrBlock } from "@/lib/http/client-address";

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

/** Empty strings count as unset: `DATABASE_URL= npm test` means "no database URL". */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const smtpUrl = optionalText.pipe(
  z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL, like smtps://user:pass@smtp.example.com:465")
    .optional(),
);
const mailFrom = optionalText.pipe(z.string().max(300, "is too long").optional());
const appUrl = optionalText.pipe(
  z
    .string()
    .regex(/^https?:\/\/[^/\s]+$/, "must be the app's public origin, like https://ironlog.example.com (no path)")
    .optional(),
);

export const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL (unset it to use the embedded database)")
        .optional(),
    ),
    // What sits between the app and PostgreSQL. `transaction`: a transaction-mode pooler (PgBouncer, or a
    // hosted database's pooled URL), which hands each transaction to any server connection, so nothing may
    // outlive a transaction on its connection: no prepared statements, no session settings or locks.
    DATABASE_POOLER: optionalText.pipe(z.enum(["transaction"], "must be transaction (or unset: a direct connection)").optional()),
    // A direct (unpooled) URL for what a pooler cannot carry: schema migrations (db:migrate, db:seed).
    // Unset: those use DATABASE_URL.
    DIRECT_DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL to the same database without the pooler")
        .optional(),
    ),
    // Connections this process's pool may open (docs/operator-guide.md: Connections and pool size). A
    // migration run alone takes up to four, and one is always left for requests.
    DATABASE_POOL_MAX: optionalText
      .pipe(
        z
          .string()
          .regex(/^\d{1,4}$/, "must be a whole number of connections")
          .default("10"),
      )
      .transform(Number)
      .pipe(z.number().min(2, "must be at least 2: a migration run holds one connection and writes its progress on another")),
    AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters (`openssl rand -base64 32`)").optional()),
    AUTH_TRUST_HOST: optionalText
      .pipe(z.enum(["true", "false"], "must be true or false").default("true"))
      .transform((v) => v === "true"),
    IRONLOG_DATA_DIR: optionalText.pipe(z.string().default(".data")),
    // Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDR blocks. Unset: none,
    // and the client address is the socket's (what throttling keys on).
    TRUSTED_PROXIES: optionalText
      .transform((value) =>
        value
          ? value
              .split(",")
              .map((entry) => entry.trim())
              .filter(Boolean)
          : [],
      )
      .pipe(
        z.array(
          z.string().refine(isAddressOrBlock, {
            error: (issue) => `"${String(issue.input)}" is not an IP address or CIDR block (like 10.0.0.0/8)`,
          }),
        ),
      ),
    PORT: optionalText
      .pipe(
        z
          .string()
          .regex(/^\d{1,5}$/, "must be a port number")
          .default("3000"),
      )
      .transform(Number),
    // Outgoing mail (password reset links, flagged users' notices): server/mail/. Unset on the embedded
    // demo: messages go to the server log and .data/outbox/ instead.
    SMTP_URL: smtpUrl,
    MAIL_FROM: mailFrom,
    // The public origin emailed links start with. Unset (the demo): the request's own origin.
    APP_URL: appUrl,
    // The old Django system's MySQL/MariaDB database, read by `data:import-legacy -- --from-mysql`. From
    // the environment so its password stays out of the process list; never echoed in a message.
    LEGACY_DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(
          /^(mysql|mariadb):\/\/[^/\s]+\/[^/?\s]+/,
          "must be a mysql:// URL naming the database, like mysql://user:pass@host:3306/legacy",
        )
        .optional(),
    ),
    // Let webhook deliveries reach private, loopback and link-local addresses (a self-hoster's own
    // receiver on the same network; the tests' local receiver). Off: only public addresses are reached.
    WEBHOOKS_ALLOW_PRIVATE: optionalText
      .pipe(z.enum(["true", "false"], "must be true or false").default("false"))
      .transform((v) => v === "true"),
    npm_package_version: optionalText,
    /** Set by Next while it builds ("phase-production-build"): nothing may open the database then. */
    NEXT_PHASE: optionalText,
  })
  .superRefine((value, context) => {
    for (const name of ["DATABASE_POOLER", "DIRECT_DATABASE_URL"] as const) {
      if (value[name] && !value.DATABASE_URL)
        context.addIssue({ code: "custom", path: [name], message: "needs DATABASE_URL (the embedded database has no pooler)" });
    }
    // A deployment on PostgreSQL sends real mail: a reset link is a bearer secret and must never be written
    // to a production log, and an emailed link must never take its host from a client's Host header.
    // Not while `next build` runs: it opens no database and sends nothing.
    if (value.NODE_ENV !== "production" || !value.DATABASE_URL || value.NEXT_PHASE === "phase-production-build") return;
    for (const name of ["SMTP_URL", "MAIL_FROM", "APP_URL"] as const) {
      if (!value[name])
        context.addIssue({
          code: "custom",
          path: [name],
          message: "is required in production with DATABASE_URL (see README: Environment variables)",
        });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

/** Parse an environment (process.env by default): a ConfigurationError lists every bad variable. */
export function parseEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`The environment is not valid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Environment | undefined;

/** The process's environment, parsed on first use. */
export function env(): Environment {
  cached ??= parseEnvironment();
  return cached;
}

/** True inside `next build` (its page-data and static-page workers included). */
export function isBuildPhase(): boolean {
  return env().NEXT_PHASE === "phase-production-build";
}

export function usesEmbeddedDatabase(): boolean {
  return !env().DATABASE_URL;
}

/** The embedded database's folder (and its generated secret's), absolute. */
export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().IRONLOG_DATA_DIR);
}

/** The running app's version: npm's when started through npm, else package.json's. */
export function appVersion(): string {
  const fromNpm = env().npm_package_version;
  if (fromNpm) return fromNpm;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

let cachedSecret: string | undefined;

/**
 * AUTH_SECRET signs session cookies. On the embedded demo path a random secret is generated once and
 * kept in the data folder (so sessions survive restarts without setup). With a real DATABASE_URL in
 * production there may be several app instances, which must share one secret: refuse to guess.
 */
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (cachedSecret) return cachedSecret;
  if (!usesEmbeddedDatabase() && NODE_ENV === "production") {
    throw new ConfigurationError(
      "AUTH_SECRET is not set. With DATABASE_URL in production, every app instance must share one secret: " +
        "generate one with `openssl rand -base64 32` and set AUTH_SECRET in the environment.",
    );
  }
  const file = path.join(embeddedDataDir(), "auth-secret");
  try {
    cachedSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      cachedSecret = generated;
    } catch {
      // Another process created it first: use theirs.
      cachedSecret = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cachedSecret!;
}
