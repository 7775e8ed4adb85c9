/**
 * What the fuzz test sends and checks: every server action (from the build's manifest) and every route
 * handler, called over HTTP exactly as a browser or a script could, and a snapshot of every row (the
 * admin's full export) to prove nobody else's data changed.
 */
import fs from "node:fs";
import path from "node:path";

export interface ServerAction {
  id: string;
  /** `app/(athlete)/log/actions.ts#startSessionAction` */
  name: string;
  /** A page that uses the action, where the browser would post it. */
  page: string;
}

/** "app/(athlete)/splits/[id]/page" → "/splits/1" */
function pageUrl(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[") ? "1" : segment));
  return `/${segments.join("/")}`;
}

export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    const worker = workers.find((w) => !w.includes("[")) ?? workers[0];
    return { id, name: `${entry.filename}#${entry.exportedName}`, page: pageUrl(worker) };
  });
}

/** Route handler patterns from the build: "/admin/runs/[runId]/report", "/api/auth/[...nextauth]". */
export function routeHandlers(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest)
    .filter((key) => key.endsWith("/route"))
    .map((key) =>
      key
        .replace(/\/route$/, "")
        .split("/")
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .join("/"),
    );
}

/** React's reply encoding for plain values: strings starting with "$" are escaped with another "$". */
function escapeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReply);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeReply(v)]));
  return value;
}

export type ActionArguments =
  { kind: "json"; args: unknown[] } | { kind: "form"; fields: [string, string][] } | { kind: "raw"; body: string };

/** Call a server action as the browser does (fetch, with the Next-Action header); returns status and text. */
export async function callAction(
  base: string,
  action: ServerAction,
  input: ActionArguments,
  cookie?: string,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { "next-action": action.id, origin: base, accept: "text/x-component" };
  if (cookie) headers.cookie = cookie;
  let body: BodyInit;
  if (input.kind === "form") {
    const form = new FormData();
    // The previous state, then the FormData (React's "$K" reference to the fields prefixed "1_").
    form.append("0", JSON.stringify(["$undefined", "$K1"]));
    for (const [key, value] of input.fields) form.append(`1_${key}`, value);
    body = form;
  } else {
    headers["content-type"] = "text/plain;charset=UTF-8";
    body = input.kind === "json" ? JSON.stringify(escapeReply(input.args)) : input.body;
  }
  const response = await fetch(`${base}${action.page}`, { method: "POST", headers, body, redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

export async function callRoute(
  base: string,
  url: string,
  method: string,
  body: string | undefined,
  cookie?: string,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { origin: base };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${url}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : body,
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

type Row = Record<string, unknown>;
export type Snapshot = Map<string, { table: string; row: Row; text: string }>;

/** Every row of every table, keyed "table:id" (or the row itself for tables without an id). */
export async function snapshot(base: string, adminCookie: string): Promise<Snapshot> {
  const response = await fetch(`${base}/admin/export`, { headers: { cookie: adminCookie } });
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  const rows: Snapshot = new Map();
  for (const line of (await response.text()).split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { table?: string; row?: Row };
    if (!record.table || !record.row) continue;
    const text = JSON.stringify(record.row);
    rows.set(`${record.table}:${record.row.id ?? text}`, { table: record.table, row: record.row, text });
  }
  return rows;
}

/** Which users each row belongs to, following the parents (a set belongs to its session's owner). */
function ownerOf(all: Snapshot, table: string, row: Row): number | undefined {
  const parent = (parentTable: string, id: unknown) => {
    const found = all.get(`${parentTable}:${id}`);
    return found ? ownerOf(all, parentTable, found.row) : undefined;
  };
  if (table === "users") return row.id as number;
  if (table === "exercises") return (row.created_by as number | null) ?? undefined;
  if (table === "exercise_muscles") return parent("exercises", row.exercise_id);
  if (table === "split_days") return parent("splits", row.split_id);
  if (table === "split_day_exercises") return parent("split_days", row.split_day_id);
  if (table === "session_sets") return parent("workout_sessions", row.session_id);
  if (typeof row.user_id === "number") return row.user_id;
  return undefined;
}

/**
 * What changed that did not belong to `allowed` users (the fuzzing athlete) or to users created during
 * the run (a visitor may sign up): rows changed, removed, or added for someone else.
 */
export function changesToOthers(before: Snapshot, after: Snapshot, allowed: Set<number>): string[] {
  const newUsers = new Set(
    [...after.values()].filter((r) => r.table === "users" && !before.has(`users:${r.row.id}`)).map((r) => r.row.id as number),
  );
  const mayChange = (all: Snapshot, table: string, row: Row) => {
    const owner = ownerOf(all, table, row);
    return owner !== undefined && (allowed.has(owner) || newUsers.has(owner));
  };
  const problems: string[] = [];
  for (const [key, was] of before) {
    if (mayChange(before, was.table, was.row)) continue;
    const now = after.get(key);
    if (!now) problems.push(`removed ${key}: ${was.text}`);
    else if (now.text !== was.text) problems.push(`changed ${key}: ${was.text} → ${now.text}`);
  }
  for (const [key, now] of after) {
    if (!before.has(key) && !mayChange(after, now.table, now.row)) problems.push(`added ${key}: ${now.text}`);
  }
  return problems;
}
