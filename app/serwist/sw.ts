/// <reference lib="webworker" />
/**
 * Ironlog's service worker (served at /serwist/sw.js, scope /). Its rules are lib/offline/cache-rules:
 * the build's hashed files are precached; an athlete's pages are fetched from the network first and
 * kept, per athlete and per build, for use with no signal; nothing else is kept; a sign-in page
 * reached drops everything kept. The logger keeps its own unsent changes (localStorage) and sends
 * them itself when back online.
 */
import { Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";
import {
  buildVersion,
  cachesToDrop,
  OFFLINE_KIT,
  pageCacheKey,
  pageOwner,
  pageRule,
  pagesCacheName,
} from "@/lib/offline/cache-rules";
import { offlinePageHtml } from "@/lib/offline/offline-page";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const manifest = self.__SW_MANIFEST ?? [];
const VERSION = buildVersion(manifest);
/** Where the worker remembers whose pages it holds (a worker is stopped and restarted at will). */
const STATE_CACHE = "ironlog-state";
const OWNER_KEY = "/__ironlog/owner";
/** With a cached copy at hand, a page that takes longer than this on a weak signal is shown from the device. */
const NETWORK_TIMEOUT_MS = 4000;

async function owner(): Promise<string | null> {
  const stored = await (await caches.open(STATE_CACHE)).match(OWNER_KEY);
  return stored ? await stored.text() : null;
}

/**
 * Sign-outs this worker has seen. A page asked for before a sign-out and answered after it is not kept:
 * keeping it would make its athlete the owner again, and show their pages with no signal to whoever uses
 * the browser next. (A stopped worker has no fetch in flight, so the count need not outlive it.)
 */
let signOuts = 0;

/** Make `userId` the athlete whose pages are kept (null: nobody), dropping every other page cache. */
async function setOwner(userId: string | null): Promise<void> {
  if (userId === null) signOuts++;
  const state = await caches.open(STATE_CACHE);
  if (userId === null) await state.delete(OWNER_KEY);
  else await state.put(OWNER_KEY, new Response(userId));
  await Promise.all(cachesToDrop(await caches.keys(), VERSION, userId).map((name) => caches.delete(name)));
}

function offlinePage(): Response {
  return new Response(offlinePageHtml(), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Keep an athlete page the network answered, under the athlete it was rendered for, unless someone signed
 * out since it was asked for (`askedAt`: the count of sign-outs then).
 */
async function keep(url: URL, response: Response, askedAt: number): Promise<void> {
  if (!response.ok || !response.headers.get("content-type")?.includes("text/html")) return;
  const pageFor = pageOwner(await response.clone().text());
  if (pageFor === null) return;
  // Asked again after each wait: a sign-out may come in while this one waits for the caches.
  if (pageFor !== (await owner())) {
    if (askedAt !== signOuts) return;
    await setOwner(pageFor);
  }
  const cache = await caches.open(pagesCacheName(VERSION, pageFor));
  if (askedAt === signOuts) await cache.put(pageCacheKey(url), response);
}

async function kept(url: URL): Promise<Response | undefined> {
  const userId = await owner();
  if (userId === null) return undefined;
  return (await caches.open(pagesCacheName(VERSION, userId))).match(pageCacheKey(url));
}

/** An athlete page: the network first (kept when it answers), the device's copy with no signal or a slow one. */
async function athletePage(request: Request, event: ExtendableEvent): Promise<Response> {
  const url = new URL(request.url);
  const askedAt = signOuts;
  const network = fetch(request).then((response) => {
    if (response.ok) event.waitUntil(keep(url, response.clone(), askedAt));
    return response;
  });
  const copy = await kept(url);
  if (!copy) return network.catch(offlinePage);
  const slow = new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), NETWORK_TIMEOUT_MS));
  const first = await Promise.race([network.catch(() => "failed" as const), slow]);
  return first === "slow" || first === "failed" ? copy : first;
}

async function navigation(request: Request, event: ExtendableEvent): Promise<Response> {
  const rule = pageRule(new URL(request.url).pathname);
  if (rule === "athlete") return athletePage(request, event);
  if (rule === "signed_out") event.waitUntil(setOwner(null));
  return fetch(request).catch(offlinePage);
}

const serwist = new Serwist({
  precacheEntries: manifest,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate" && request.method === "GET",
      handler: { handle: ({ request, event }) => navigation(request, event as ExtendableEvent) },
    },
  ],
});

self.addEventListener("fetch", (event) => {
  // A sign-in page fetched by the app's own router (after "Sign out"): nobody is signed in here now.
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && event.request.mode !== "navigate" && pageRule(url.pathname) === "signed_out")
    event.waitUntil(setOwner(null));
});

self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: unknown } | null;
  // An athlete page, online, asks for the pages a workout with no signal needs.
  if (data?.type === "prepare-offline")
    event.waitUntil(
      Promise.all(
        OFFLINE_KIT.map(async (path) => {
          const url = new URL(path, self.location.origin);
          const askedAt = signOuts;
          const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
          if (response) await keep(url, response, askedAt);
        }),
      ),
    );
  if (data?.type === "signed-out") event.waitUntil(setOwner(null));
});

self.addEventListener("activate", (event) => {
  // Another build's pages call server actions that are gone: drop them.
  event.waitUntil(
    (async () => {
      const userId = await owner();
      await Promise.all(cachesToDrop(await caches.keys(), VERSION, userId).map((name) => caches.delete(name)));
    })(),
  );
});

serwist.addEventListeners();
