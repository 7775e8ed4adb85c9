/**
 * The benches' HTTP client: plain node:http with keep-alive (fetch's pool would be measured too), and
 * signing in through Auth.js's credentials endpoint as the sign-in form does, which is the cheapest
 * honest way to hold a session cookie for each of many athletes.
 */
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export function request(
  method: string,
  url: string,
  options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.timeoutMs)
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`No answer within ${options.timeoutMs} ms`)));
    if (options.body) req.write(options.body);
    req.end();
  });
}

function cookiesFrom(reply: Reply): string[] {
  return (reply.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
}

/** Signs in at `base` through Auth.js's credentials endpoint, as the sign-in form does; returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await request("GET", `${base}/api/auth/csrf`);
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const reply = await request("POST", `${base}/api/auth/callback/credentials`, {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesFrom(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }).toString(),
  });
  const session = cookiesFrom(reply).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in failed for ${email} (HTTP ${reply.status})`);
  return session;
}

/** Ends the keep-alive sockets, so the process can exit. */
export function closeConnections(): void {
  agent.destroy();
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
