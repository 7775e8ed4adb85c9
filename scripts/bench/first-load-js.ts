/**
 * First-load JavaScript of a page as a phone downloads it: the scripts its served HTML references
 * (Next's own chunks under /_next/), each gzipped, summed. `next build` 16 no longer prints it, so
 * `npm run bench:web` prints it and the JavaScript budget test (e2e/js-budget.spec.ts) holds every page to
 * it, both through this one module.
 *
 * It takes the way to fetch as a parameter: the bench uses node's http with a keep-alive agent, the
 * budget test Playwright's request context.
 */
import { gzipSync } from "node:zlib";

/** A GET against the server under test: a path or an absolute URL, with the session cookie when one is given. */
export type FetchPage = (path: string, cookie?: string) => Promise<{ status: number; body: Buffer }>;

export type FirstLoadJs = { path: string; status: number; scripts: number; rawKb: number; gzipKb: number };

/** Every athlete page and the public pages everyone meets first must stay under this (gzipped kB). */
export const FIRST_LOAD_JS_BUDGET_KB = 150;

/** The /_next/ scripts a page's HTML loads, once each: `nomodule` ones are skipped, as module browsers skip them. */
export function firstLoadScripts(html: string): string[] {
  // Module browsers skip `nomodule` scripts (Next's legacy polyfills), so they are not first-load JS.
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  return [
    ...new Set(
      tags
        .map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&"))
        .filter((s): s is string => Boolean(s?.startsWith("/_next/"))),
    ),
  ];
}

/** Each page's first-load JavaScript; a chunk shared by several pages is fetched once. */
export async function firstLoadJs(get: FetchPage, paths: string[], cookie?: string): Promise<FirstLoadJs[]> {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const out: FirstLoadJs[] = [];
  for (const p of paths) {
    const page = await get(p, cookie);
    const srcs = firstLoadScripts(page.body.toString());
    let raw = 0;
    let gzip = 0;
    for (const src of srcs) {
      let size = sizes.get(src);
      if (!size) {
        const script = await get(src);
        if (script.status !== 200) throw new Error(`${src} (referenced by ${p}) answered HTTP ${script.status}`);
        size = { raw: script.body.length, gzip: gzipSync(script.body).length };
        sizes.set(src, size);
      }
      raw += size.raw;
      gzip += size.gzip;
    }
    out.push({ path: p, status: page.status, scripts: srcs.length, rawKb: raw / 1024, gzipKb: gzip / 1024 });
  }
  return out;
}

/** One line of the bench's table. */
export function formatFirstLoadJs(row: FirstLoadJs): string {
  return `${row.path.padEnd(22)} ${row.gzipKb.toFixed(1).padStart(6)} kB gzip  ${row.rawKb.toFixed(1).padStart(7)} kB raw  ${String(row.scripts).padStart(2)} scripts  HTTP ${row.status}`;
}
