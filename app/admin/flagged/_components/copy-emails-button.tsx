"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies every flagged user's email (one per line) for the "please re-complete your equipment
 * details" message. The list comes from a route handler, not the page, so it is never limited to
 * the rows on screen.
 */
export function CopyEmailsButton({ source, count }: { source: string; count: number }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function copy() {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(source, { cache: "no-store" });
      if (!response.ok) throw new Error((await response.json().catch(() => null))?.error ?? "The list could not be loaded.");
      const text = (await response.text()).trim();
      const copied = text ? text.split("\n").length : 0;
      await navigator.clipboard.writeText(text);
      setMessage({ error: false, text: `Copied ${copied} email${copied === 1 ? "" : "s"} to the clipboard.` });
    } catch (error) {
      setMessage({
        error: true,
        text: error instanceof Error ? `Could not copy the emails: ${error.message}` : "Could not copy the emails.",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button variant="secondary" onClick={copy} disabled={busy || count === 0}>
        {busy ? "Copying…" : "Copy all emails"}
      </Button>
      <p role={message?.error ? "alert" : "status"} className={`text-sm ${message?.error ? "text-red-700" : "text-emerald-700"}`}>
        {message?.text}
      </p>
    </div>
  );
}
