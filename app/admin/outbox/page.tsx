import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/server/auth/session";
import { demoOutbox } from "@/server/mail/demo-outbox";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/admin/date-time";

export const metadata: Metadata = { title: "Demo outbox · Admin" };

/**
 * The embedded demo's mail, which no SMTP server takes: the newest messages with their links, so a
 * reset link can be followed from the browser. Not found when SMTP_URL is set (mail really leaves).
 */
export default async function DemoOutboxPage() {
  await requireAdmin("/admin/outbox");
  const messages = await demoOutbox();
  if (!messages) notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        title="Demo outbox"
        description="This demo runs on the embedded database without SMTP_URL, so it sends no email: each message is kept here (and in .data/outbox as an .eml file). Set SMTP_URL to send real mail."
      />
      {messages.length === 0 ? (
        <EmptyState title="No messages yet">Password reset links and flagged users&apos; notices appear here.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Messages">
          {messages.map((message) => (
            <li key={message.file} className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
              <p className="font-semibold break-words">{message.subject}</p>
              <p className="text-slate-600">
                To <span className="break-all">{message.to}</span>, <DateTime value={message.keptAt} />
              </p>
              {message.links.length > 0 ? (
                <ul className="mt-2 space-y-1">
                  {message.links.map((link) => (
                    <li key={link}>
                      <a href={link} className="font-semibold break-all text-brand-700 underline underline-offset-2">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <details className="mt-2">
                <summary className="cursor-pointer text-slate-700">The whole message</summary>
                <pre className="mt-1 text-xs whitespace-pre-wrap text-slate-800">{message.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
