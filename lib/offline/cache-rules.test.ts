import { describe, expect, it } from "vitest";
import {
  buildVersion,
  cachesToDrop,
  OFFLINE_KIT,
  pageCacheKey,
  pageOwner,
  pageRule,
  pagesCacheName,
  USER_MARKER,
} from "./cache-rules";

describe("what the service worker keeps", () => {
  it("keeps the athlete's pages, never admin pages, the API or anything else", () => {
    for (const path of ["/dashboard", "/log/12", "/log/start", "/history/3", "/exercises/9", "/splits/2", "/progress"])
      expect(pageRule(path), path).toBe("athlete");
    for (const path of ["/admin", "/admin/runs/4", "/api/sessions/1", "/", "/logout", "/dashboards", "/serwist/sw.js"])
      expect(pageRule(path), path).toBe("never");
  });

  it("treats reaching a sign-in page as nobody signed in any more", () => {
    for (const path of ["/sign-in", "/sign-up", "/forgot-password", "/reset-password/abc"])
      expect(pageRule(path), path).toBe("signed_out");
  });

  it("makes ready only athlete pages for a workout with no signal", () => {
    for (const path of OFFLINE_KIT) expect(pageRule(path), path).toBe("athlete");
  });
});

describe("for whom", () => {
  it("reads the athlete a page was rendered for from the page itself, and nobody from any other page", () => {
    expect(pageOwner(`<html><head><meta name="${USER_MARKER}" content="42"/></head>`)).toBe("42");
    expect(pageOwner("<html><head><title>Sign in</title></head>")).toBeNull();
    // The same words elsewhere in the page (the RSC payload, a note) are not the marker.
    expect(pageOwner(`<script>self.__next_f.push(["name","${USER_MARKER}","content","7"])</script>`)).toBeNull();
  });

  it("keeps each athlete's pages in a cache of their own, for one build", () => {
    expect(pagesCacheName("v1", "42")).not.toBe(pagesCacheName("v1", "43"));
    expect(pagesCacheName("v1", "42")).not.toBe(pagesCacheName("v2", "42"));
  });

  it("drops every other athlete's and every other build's pages, and all of them with nobody signed in", () => {
    const names = [pagesCacheName("v1", "42"), pagesCacheName("v1", "43"), pagesCacheName("v0", "42"), "serwist-precache-v2"];
    expect(cachesToDrop(names, "v1", "42")).toEqual([pagesCacheName("v1", "43"), pagesCacheName("v0", "42")]);
    expect(cachesToDrop(names, "v1", null)).toEqual(names.slice(0, 3));
  });
});

describe("under which key", () => {
  it("keeps a page by path and query, and the device start page once whatever workout it opens", () => {
    expect(pageCacheKey(new URL("https://app.test/history?page=2"))).toBe("https://app.test/history?page=2");
    expect(pageCacheKey(new URL("https://app.test/log/start?day=3&uid=abc"))).toBe("https://app.test/log/start");
  });
});

describe("the build's version", () => {
  it("is the same for the same files and changes with any of them", () => {
    const files = [{ url: "/_next/static/chunks/a.js", revision: null }, "/_next/static/chunks/b.js"];
    expect(buildVersion(files)).toBe(buildVersion([...files]));
    expect(buildVersion(files)).not.toBe(buildVersion([files[0], "/_next/static/chunks/c.js"]));
    expect(buildVersion([{ url: "/icon.svg", revision: "1" }])).not.toBe(buildVersion([{ url: "/icon.svg", revision: "2" }]));
  });
});
