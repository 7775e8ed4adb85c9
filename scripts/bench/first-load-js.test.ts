import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadJs, firstLoadScripts } from "./first-load-js";

describe("first-load JavaScript", () => {
  it("counts each of the page's own /_next/ scripts once, and not the legacy nomodule ones", () => {
    const html = `<html><head>
      <script src="/_next/static/chunks/a.js" async=""></script>
      <script src="/_next/static/chunks/b.js?dpl=1&amp;v=2"></script>
      <script src="/_next/static/chunks/a.js"></script>
      <script src="/_next/static/chunks/polyfills.js" noModule=""></script>
      <script src="https://elsewhere.example/x.js"></script>
      <script nonce="n">self.__next_f.push([1,""])</script>
    </head></html>`;
    expect(firstLoadScripts(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=1&v=2"]);
  });

  it("sums the gzipped sizes of a page's scripts, fetching a shared chunk once", async () => {
    const scripts: Record<string, Buffer> = {
      "/_next/a.js": Buffer.from("let a = 1;".repeat(500)),
      "/_next/b.js": Buffer.from("console.log('b');"),
    };
    const fetched: string[] = [];
    const get = async (path: string) => {
      fetched.push(path);
      if (path in scripts) return { status: 200, body: scripts[path] };
      const src = path === "/one" ? ["/_next/a.js"] : ["/_next/a.js", "/_next/b.js"];
      return { status: 200, body: Buffer.from(src.map((s) => `<script src="${s}"></script>`).join("")) };
    };
    const rows = await firstLoadJs(get, ["/one", "/two"]);
    const gz = (s: string) => gzipSync(scripts[s]).length / 1024;
    expect(rows.map((r) => [r.path, r.scripts, r.gzipKb])).toEqual([
      ["/one", 1, gz("/_next/a.js")],
      ["/two", 2, gz("/_next/a.js") + gz("/_next/b.js")],
    ]);
    expect(fetched.filter((p) => p === "/_next/a.js")).toHaveLength(1);
  });
});
