/**
 * One delivery attempt against a local receiver: signed as documented, and refused (before any byte is
 * sent) whenever the address a name resolves to is loopback, private, link-local, CGNAT, unspecified or
 * an IPv4-mapped form of those. DNS answers are given by a lookup function, as a resolver would give them.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/webhooks/signature";
import { DeliveryError, postSigned, type PostOptions } from "./deliver";

type Received = { headers: http.IncomingHttpHeaders; body: string };
let server: http.Server;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (c) => (body += c));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      if (request.url === "/redirect") return void response.writeHead(301, { Location: `http://127.0.0.1:${port}/ok` }).end();
      if (request.url === "/fail") return void response.writeHead(500).end("no");
      if (request.url === "/silent") return; // never answers
      if (request.url === "/huge") {
        response.writeHead(200);
        return void response.end("x".repeat(1024 * 1024));
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const secret = "whsec_local";
const body = JSON.stringify({ id: "5f0c1e9e-0000-4000-8000-000000000000", type: "webhook.test", data: {} });

function delivery(url: string) {
  return {
    url,
    body,
    secret,
    eventId: "5f0c1e9e-0000-4000-8000-000000000000",
    eventType: "webhook.test",
    timestamp: 1_700_000_000,
  };
}

/** A resolver that answers every name with `address`. */
function resolvesTo(address: string): PostOptions["lookup"] {
  const family = address.includes(":") ? 6 : 4;
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as PostOptions["lookup"];
}

describe("a webhook delivery attempt", () => {
  it("posts the body signed with the endpoint's secret, with the event's id and type", async () => {
    received.length = 0;
    const status = await postSigned(delivery(`http://127.0.0.1:${port}/hook`), { allowPrivate: true });
    expect(status).toBe(204);
    expect(received).toHaveLength(1);
    const [{ headers, body: sent }] = received;
    expect(sent).toBe(body);
    expect(headers["ironlog-event-id"]).toBe("5f0c1e9e-0000-4000-8000-000000000000");
    expect(headers["ironlog-event-type"]).toBe("webhook.test");
    expect(headers["content-type"]).toBe("application/json");
    expect(verifySignature(secret, headers["ironlog-signature"] as string, sent, 1_700_000_000).ok).toBe(true);
  });

  it("does not follow a redirect", async () => {
    received.length = 0;
    const error = await postSigned(delivery(`http://127.0.0.1:${port}/redirect`), { allowPrivate: true }).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ status: 301, message: "Answered 301: redirects are not followed." });
    expect(received.map((r) => r.headers.host)).toHaveLength(1);
  });

  it("reports a receiver's error status", async () => {
    await expect(postSigned(delivery(`http://127.0.0.1:${port}/fail`), { allowPrivate: true })).rejects.toMatchObject({
      status: 500,
      message: "Answered 500.",
    });
  });

  it("gives up on a receiver that does not answer within the deadline", async () => {
    await expect(
      postSigned(delivery(`http://127.0.0.1:${port}/silent`), { allowPrivate: true, timeoutMs: 300 }),
    ).rejects.toMatchObject({ status: null, message: "No answer within 0.3 s." });
  });

  it("reads an answer only up to its cap", async () => {
    await expect(
      postSigned(delivery(`http://127.0.0.1:${port}/huge`), { allowPrivate: true, maxResponseBytes: 1024 }),
    ).resolves.toBe(200);
  });

  it("reaches a name resolving to a private address only when private addresses are allowed", async () => {
    const url = `http://receiver.example:${port}/hook`;
    await expect(postSigned(delivery(url), { allowPrivate: true, lookup: resolvesTo("127.0.0.1") })).resolves.toBe(204);
    await expect(postSigned(delivery(url), { allowPrivate: false, lookup: resolvesTo("127.0.0.1") })).rejects.toMatchObject({
      message: "Refused: the address is on a private or reserved network.",
    });
  });

  it.each([
    "127.0.0.1",
    "127.8.8.8",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.10",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.254",
    "0.0.0.0",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
  ])("refuses a name that resolves to %s", async (address) => {
    received.length = 0;
    await expect(
      postSigned(delivery(`http://receiver.example:${port}/hook`), { allowPrivate: false, lookup: resolvesTo(address) }),
    ).rejects.toMatchObject({ message: "Refused: the address is on a private or reserved network." });
    expect(received).toHaveLength(0);
  });

  it.each(["127.0.0.1", "[::1]", "169.254.169.254", "[::ffff:7f00:1]"])("refuses the literal address %s", async (host) => {
    await expect(postSigned(delivery(`http://${host}:${port}/hook`), { allowPrivate: false })).rejects.toMatchObject({
      message: "Refused: the address is on a private or reserved network.",
    });
  });
});
