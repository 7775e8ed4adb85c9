import { describe, expect, it } from "vitest";
import { checkDeliveries, checkSets, deliveriesHold, setsHold, type SoakSet } from "./soak-oracle";

const set = (uid: string, patch: Partial<SoakSet> = {}): SoakSet => ({
  uid,
  sessionUid: "s1",
  slotId: "slot-a",
  position: Number(uid.replace(/\D/g, "")) || 0,
  weightKg: 60,
  reps: 8,
  ...patch,
});

describe("checkSets", () => {
  it("holds when every acknowledged set is stored once as sent", () => {
    const sets = [set("u1"), set("u2")];
    const verdict = checkSets(sets, [...sets, set("u3")]);
    expect(verdict.storedOnce).toBe(2);
    expect(setsHold(verdict)).toBe(true);
  });

  it("names an acknowledged set the database lost", () => {
    const verdict = checkSets([set("u1"), set("u2")], [set("u1")]);
    expect(verdict.missing).toEqual(["u2"]);
    expect(setsHold(verdict)).toBe(false);
  });

  it("names a set stored twice under its identity", () => {
    const verdict = checkSets([set("u1")], [set("u1"), set("u1")]);
    expect(verdict.storedTwice).toEqual(["u1"]);
    expect(setsHold(verdict)).toBe(false);
  });

  it("names a set stored with other values, or in another session", () => {
    const verdict = checkSets([set("u1"), set("u2")], [set("u1", { reps: 9 }), set("u2", { sessionUid: "s2" })]);
    expect(verdict.altered).toEqual(["u1", "u2"]);
    expect(setsHold(verdict)).toBe(false);
  });

  it("names a place of a session that holds two sets, even ones nobody saw acknowledged", () => {
    const verdict = checkSets([set("u1")], [set("u1"), set("u9", { position: 1 })]);
    expect(verdict.placesHeldTwice).toEqual(["s1/slot-a/1"]);
    expect(setsHold(verdict)).toBe(false);
  });
});

describe("checkDeliveries", () => {
  it("accepts every event received once, or twice", () => {
    const verdict = checkDeliveries(["e1", "e2"], ["e1", "e2", "e2"]);
    expect(verdict).toMatchObject({ events: 2, lost: [], twice: 1, tooOften: [] });
    expect(deliveriesHold(verdict)).toBe(true);
  });

  it("names an event never received", () => {
    const verdict = checkDeliveries(["e1", "e2"], ["e1"]);
    expect(verdict.lost).toEqual(["e2"]);
    expect(deliveriesHold(verdict)).toBe(false);
  });

  it("names an event received three times", () => {
    const verdict = checkDeliveries(["e1"], ["e1", "e1", "e1"]);
    expect(verdict.tooOften).toEqual(["e1"]);
    expect(deliveriesHold(verdict)).toBe(false);
  });

  it("names an event nobody queued", () => {
    expect(checkDeliveries([], ["e7"]).unknown).toEqual(["e7"]);
  });
});
