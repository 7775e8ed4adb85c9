/**
 * The embedded demo's outbox, read back for admins: without SMTP_URL on the embedded database
 * (`npm start` of the demo), mail is kept as .eml files in `.data/outbox` (createOutboxMailer) and
 * nothing is "sent". The Demo outbox page lists them, parsed by mailparser (which decodes the
 * transfer encoding, so a long reset link reads whole), with the links they hold. Never with
 * SMTP_URL: then mail leaves the server and this is off.
 */
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { env, usesEmbeddedDatabase } from "@/server/env";
import { outboxDir } from "./mailer";

/** Whether mail goes to the demo outbox: the embedded database and no SMTP_URL. */
export function usesDemoOutbox(): boolean {
  return !env().SMTP_URL && usesEmbeddedDatabase();
}

export interface OutboxMessage {
  file: string;
  to: string;
  subject: string;
  keptAt: Date;
  text: string;
  /** The http(s) links in the text, in order. */
  links: string[];
}

const LINK = /https?:\/\/[^\s<>"]+/g;

/** The newest messages in `dir` first (file names start with the time they were kept). */
export async function readOutbox(dir: string, limit = 50): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => name.endsWith(".eml"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  names.sort().reverse();
  return Promise.all(
    names.slice(0, limit).map(async (file) => {
      const source = path.join(dir, file);
      const [parsed, stat] = await Promise.all([simpleParser(await fs.readFile(source)), fs.stat(source)]);
      const text = parsed.text?.trim() ?? "";
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
      return {
        file,
        to,
        subject: parsed.subject ?? "(no subject)",
        keptAt: parsed.date ?? stat.mtime,
        text,
        links: text.match(LINK) ?? [],
      };
    }),
  );
}

/** The demo's outbox, or null when mail does not go there (SMTP_URL is set, or PostgreSQL). */
export async function demoOutbox(limit = 50): Promise<OutboxMessage[] | null> {
  return usesDemoOutbox() ? readOutbox(outboxDir(), limit) : null;
}
