import { getDb } from "@/server/db";
import { allFlaggedUsers } from "@/server/queries/admin-flagged";
import { defineRoute } from "@/server/auth/guards";
import { textStream } from "@/lib/http/download";

export const dynamic = "force-dynamic";

async function* emailLines(): AsyncGenerator<string> {
  for await (const user of allFlaggedUsers(await getDb())) yield `${user.email}\n`;
}

/** Every flagged user's email, one per line: what "Copy all emails" puts on the clipboard. */
export const GET = defineRoute(
  "admin",
  async () =>
    new Response(textStream(emailLines()), {
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
    }),
);
