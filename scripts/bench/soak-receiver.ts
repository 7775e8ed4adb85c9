/**
 * The webhook receiver the soak's athletes point their endpoints at: it notes the event id of every
 * delivery as it arrives (repeats included) and answers 200 after `answerAfterMs`, so that at any moment
 * some deliveries are in the hands of an instance, claimed and unanswered, as a slow receiver leaves them.
 * Held (`holdUntil`), it answers nothing that arrives before that moment until then: every delivery an
 * instance sends in that window is still in its hands when the window ends.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface WebhookReceiver {
  url: string;
  /** Every delivery's event id, in arrival order. */
  received: string[];
  /** Deliveries arriving from now until `at` (ms since the epoch) are answered at `at`. */
  holdUntil(at: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(answerAfterMs: number): Promise<WebhookReceiver> {
  const received: string[] = [];
  let heldUntil = 0;
  const server = http.createServer((req, res) => {
    const eventId = req.headers["ironlog-event-id"];
    req.resume();
    req.on("end", () => {
      if (typeof eventId === "string") received.push(eventId);
      const wait = Math.max(answerAfterMs, heldUntil - Date.now());
      setTimeout(() => res.writeHead(eventId ? 200 : 400).end(), wait);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    holdUntil: (at) => {
      heldUntil = at;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
