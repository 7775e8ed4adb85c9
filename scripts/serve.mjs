/**
 * `next start` with one addition: every request carries the TCP peer's address in
 * x-ironlog-socket-address (a value the client cannot set: it is overwritten here). Next.js only puts
 * the peer in X-Forwarded-For when the client sent none, so without this a client could pick the
 * address sign-in throttling keys on. The app believes X-Forwarded-For only from TRUSTED_PROXIES
 * (server/auth/client-address.ts). Plain JavaScript, run with node: the app must not be loaded under
 * tsx's react-server condition.
 *
 * Usage: node scripts/serve.mjs [-p PORT] [-H HOSTNAME] [--dir APP_DIR]
 * (--dir: another Next app served the same way, such as the benchmark's empty page; default: this one)
 */
import http from "node:http";
import next from "next";

function flag(short, long) {
  const i = process.argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(flag("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = flag("-H", "--hostname");
const dir = flag("--dir", "--dir");
const app = next({ dev: false, hostname: hostname ?? "localhost", port, ...(dir ? { dir } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers["x-ironlog-socket-address"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`  ▲ Ironlog ready on http://${hostname ?? "localhost"}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
