import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { embeddedDataDir, env, usesEmbeddedDatabase } from "@/server/env";

/** One plain-text message. Every message Ironlog sends is short text with a link in it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends a message or throws (the caller records the failure). */
export interface Mailer {
  /** Where mail goes, for logs and the admin pages: `smtp://host:port`, `outbox .data/outbox`, ... */
  readonly description: string;
  /** True for the embedded demo's outbox: nothing leaves the server, admins read it on the Demo outbox page. */
  readonly keepsInDemoOutbox?: boolean;
  send(message: MailMessage): Promise<void>;
}

/** The demo's sender address when MAIL_FROM is unset (only the outbox uses it). */
const DEMO_FROM = "Ironlog <no-reply@ironlog.invalid>";

/**
 * Mail over SMTP with nodemailer (`SMTP_URL`, like smtps://user:pass@host:465). The URL's credentials
 * never reach the description.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  const url = new URL(smtpUrl);
  return {
    description: `${url.protocol}//${url.host}`,
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/**
 * The embedded demo's mail without SMTP: each message is composed by nodemailer as it would be sent,
 * kept as an .eml file in `dir` (any mail program opens it) and written to the server log, so whoever
 * runs the demo can follow a reset link. Never used with DATABASE_URL: a link in a log is a bearer secret.
 */
export function createOutboxMailer(dir: string, from: string, log: (line: string) => void = console.log): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `outbox ${dir}`,
    keepsInDemoOutbox: true,
    async send(message) {
      const info = await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      await fs.mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${info.messageId.replace(/[^A-Za-z0-9-]/g, "").slice(0, 40)}.eml`);
      await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
      log(
        `[mail] no SMTP_URL set: kept in ${file}\n  To: ${message.to}\n  Subject: ${message.subject}\n\n${message.text.replace(/^/gm, "  ")}\n`,
      );
    },
  };
}

/** Where no mail can go (PostgreSQL without SMTP_URL, outside production): every send fails, saying why. */
function unconfiguredMailer(): Mailer {
  return {
    description: "not configured",
    async send() {
      throw new Error("Mail is not configured: set SMTP_URL and MAIL_FROM (see README: Environment variables).");
    },
  };
}

/** The outbox folder of the embedded demo (`.data/outbox`). */
export function outboxDir(): string {
  return path.join(embeddedDataDir(), "outbox");
}

/** The mailer the environment describes: SMTP when SMTP_URL is set, the outbox on the embedded demo. */
export function configuredMailer(): Mailer {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) return createSmtpMailer(SMTP_URL, MAIL_FROM ?? DEMO_FROM);
  if (usesEmbeddedDatabase()) return createOutboxMailer(outboxDir(), MAIL_FROM ?? DEMO_FROM);
  return unconfiguredMailer();
}

let shared: Mailer | undefined;

/** The app's mailer, made once per process. */
export function appMailer(): Mailer {
  shared ??= configuredMailer();
  return shared;
}
