import { describe, expect, it } from "vitest";
import { type DatabaseHealth, healthDetails, publicHealth } from "./health";

const up: DatabaseHealth = {
  driver: "pglite",
  location: "/srv/ironlog/.data/pglite",
  ok: true,
  latencyMs: 0.4,
  problem: null,
  schemaMigrations: { applied: 5, pending: 0, latest: "0004_exercise_names_per_owner" },
};

describe("the public health answer", () => {
  it("says the app, the database and the schema are fine, and nothing about the process", () => {
    const body = publicHealth(up, "1.2.3");
    expect(body).toEqual({ status: "ok", version: "1.2.3", database: { ok: true }, schema: { current: true } });
    expect(JSON.stringify(body)).not.toMatch(new RegExp(`${process.pid}|pglite|0004|/srv`));
  });

  it("is degraded while schema migrations are pending, and unavailable when the database is down", () => {
    expect(publicHealth({ ...up, schemaMigrations: { applied: 4, pending: 1, latest: "x" } }, "1").status).toBe("degraded");
    const down = publicHealth({ ...up, ok: false, problem: "connection refused by 10.0.0.5", schemaMigrations: null }, "1");
    expect(down).toEqual({ status: "unavailable", version: "1", database: { ok: false }, schema: { current: false } });
  });
});

describe("the admin's health details", () => {
  it("name the database, its migrations and the serving process", () => {
    const details = healthDetails(up);
    expect(details.database).toMatchObject({ driver: "pglite", location: up.location });
    expect(details.schemaMigrations?.latest).toBe("0004_exercise_names_per_owner");
    expect(details.process.pid).toBe(process.pid);
  });
});
