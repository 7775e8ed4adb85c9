import { describe, expect, it } from "vitest";
import { previewStaleness } from "./preview-staleness";

const preview = { rows: 155, maxId: 155, maxUpdatedAt: "2026-01-01T10:00:00.123456+00:00" };

describe("previewStaleness", () => {
  it("keeps a preview of unchanged data", () => {
    expect(previewStaleness(preview, { ...preview })).toEqual({ stale: false, changes: [] });
  });

  it("calls a preview stale when rows were added", () => {
    expect(previewStaleness(preview, { ...preview, rows: 157, maxId: 157 })).toEqual({
      stale: true,
      changes: ["2 rows added (155 → 157)."],
    });
  });

  it("calls a preview stale when a row was removed", () => {
    expect(previewStaleness(preview, { ...preview, rows: 154 }).changes).toEqual(["1 row removed (155 → 154)."]);
  });

  it("notices one row added and another removed (same count)", () => {
    expect(previewStaleness(preview, { ...preview, maxId: 156 }).changes).toEqual(["Rows were added and removed."]);
  });

  it("calls a preview stale when a row was edited", () => {
    expect(previewStaleness(preview, { ...preview, maxUpdatedAt: "2026-01-02T00:00:00+00:00" })).toEqual({
      stale: true,
      changes: ["Rows were edited since the preview."],
    });
  });

  it("calls a preview stale when another client wrote rows, whatever updated_at says", () => {
    expect(previewStaleness({ ...preview, writes: 4 }, { ...preview, writes: 5 }).changes).toEqual([
      "Rows were edited since the preview.",
    ]);
    // A fingerprint recorded before the write counter existed is compared on the rest.
    expect(previewStaleness(preview, { ...preview, writes: 5 }).stale).toBe(false);
  });

  it("treats a preview without a fingerprint as stale", () => {
    expect(previewStaleness(null, preview).stale).toBe(true);
  });

  it("compares an empty table with itself", () => {
    const empty = { rows: 0, maxId: null, maxUpdatedAt: null };
    expect(previewStaleness(empty, { ...empty }).stale).toBe(false);
  });
});
