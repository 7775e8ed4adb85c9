import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { startTestSmtpServer } from "@/test/smtp";
import { createOutboxMailer, createSmtpMailer } from "./mailer";
import { readOutbox } from "./demo-outbox";

const message = {
  to: "athlete@example.com",
  subject: "Reset your Ironlog password",
  text: "Choose a new password here:\nhttp://localhost:3000/reset-password/abc",
};
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the SMTP mailer", () => {
  it("delivers the message to the SMTP server, from MAIL_FROM, and names the server without credentials", async () => {
    const smtp = await startTestSmtpServer();
    try {
      const mailer = createSmtpMailer(smtp.url.replace("smtp://", "smtp://user:secret@"), "Ironlog <no-reply@ironlog.test>");
      expect(mailer.description).toBe(`smtp://127.0.0.1:${smtp.port}`);
      await mailer.send(message);
      const received = await smtp.waitFor((m) => m.to === message.to);
      expect(received).toMatchObject({ subject: message.subject, from: '"Ironlog" <no-reply@ironlog.test>' });
      expect(received.text.trim()).toBe(message.text);
    } finally {
      await smtp.close();
    }
  });

  it("throws the server's refusal, for the queue to record", async () => {
    const smtp = await startTestSmtpServer({ refuseRecipient: () => true });
    try {
      await expect(createSmtpMailer(smtp.url, "no-reply@ironlog.test").send(message)).rejects.toThrow(/Mailbox unavailable/);
    } finally {
      await smtp.close();
    }
  });
});

describe("the embedded demo's outbox", () => {
  it("keeps each message as an .eml file a mail program opens, and writes it to the log", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-outbox-"));
    dirs.push(dir);
    const lines: string[] = [];
    await createOutboxMailer(path.join(dir, "outbox"), "Ironlog <no-reply@ironlog.invalid>", (line) => lines.push(line)).send(
      message,
    );
    const files = fs.readdirSync(path.join(dir, "outbox"));
    expect(files).toEqual([expect.stringMatching(/\.eml$/)]);
    const file = path.join(dir, "outbox", files[0]);
    const parsed = await simpleParser(fs.readFileSync(file));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(lines.join("\n")).toContain(`kept in ${file}`);
    expect(lines.join("\n")).toContain("http://localhost:3000/reset-password/abc");
  });
});

describe("reading the demo outbox back", () => {
  it("lists the messages newest first with their links decoded whole", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ironlog-outbox-")), "outbox");
    dirs.push(path.dirname(dir));
    const outbox = createOutboxMailer(dir, "Ironlog <no-reply@ironlog.invalid>", () => {});
    // Longer than a quoted-printable line: the .eml splits it, the reader joins it again.
    const link = `http://localhost:3000/reset-password/${"a1b2c3d4".repeat(12)}`;
    await outbox.send({ to: "first@example.com", subject: "First", text: "Hello" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await outbox.send({ to: "second@example.com", subject: "Reset your password", text: `Open this link:\n${link}\n` });
    expect(fs.readFileSync(path.join(dir, fs.readdirSync(dir).sort()[1]), "utf8")).not.toContain(link);

    const messages = await readOutbox(dir);
    expect(messages.map((m) => m.subject)).toEqual(["Reset your password", "First"]);
    expect(messages[0]).toMatchObject({ to: "second@example.com", links: [link] });
    expect(messages[1].links).toEqual([]);
  });

  it("is empty before anything was kept", async () => {
    expect(await readOutbox(path.join(os.tmpdir(), "ironlog-no-such-outbox"))).toEqual([]);
  });
});
