import { describe, expect, it } from "vitest";
import { detectFormat, HEVY_HEADER_KG, IRONLOG_HEADER, STRONG_HEADER, STRONG_LEGACY_HEADER } from "./formats";

describe("detectFormat", () => {
  it("recognises Strong's current export", () => {
    expect(detectFormat(STRONG_HEADER.join(","))).toEqual({ ok: true, detected: { format: "strong", delimiter: "," } });
  });

  it("recognises Strong's older semicolon export, quoted cells and a BOM included", () => {
    expect(detectFormat(`\uFEFF${STRONG_LEGACY_HEADER.map((c) => `"${c}"`).join(";")}\r`)).toEqual({
      ok: true,
      detected: { format: "strong_legacy", delimiter: ";" },
    });
  });

  it("recognises Hevy's export and reads its units from the column names", () => {
    expect(detectFormat(HEVY_HEADER_KG.join(","))).toEqual({
      ok: true,
      detected: { format: "hevy", delimiter: ",", hevyUnits: { weight: "kg", distance: "km" } },
    });
    const pounds = HEVY_HEADER_KG.join(",").replace("weight_kg", "weight_lbs").replace("distance_km", "distance_miles");
    expect(detectFormat(pounds)).toMatchObject({ ok: true, detected: { hevyUnits: { weight: "lb", distance: "mi" } } });
  });

  it("recognises Ironlog's own export", () => {
    expect(detectFormat(IRONLOG_HEADER.join(","))).toMatchObject({ ok: true, detected: { format: "ironlog" } });
  });

  it("says when a Strong file has the wrong separator", () => {
    expect(detectFormat(STRONG_HEADER.join(";"))).toMatchObject({ ok: false, error: expect.stringContaining("wrong separator") });
  });

  it("names what it expected for anything else", () => {
    const result = detectFormat("name,email\n");
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Strong export") });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Hevy export") });
  });
});
