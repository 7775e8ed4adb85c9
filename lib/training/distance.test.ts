import { describe, expect, it } from "vitest";
import { distanceFieldUnit, distanceText, distanceUnitFor, formatDistance, formatPace, parseDistance } from "./distance";

describe("distanceUnitFor", () => {
  it("gives kilometres to an athlete in kilograms and miles to one in pounds", () => {
    expect(distanceUnitFor("kg")).toBe("km");
    expect(distanceUnitFor("lb")).toBe("mi");
  });
});

describe("distanceFieldUnit", () => {
  it("reads a bare number as metres for a carry and in the athlete's unit for a run", () => {
    expect(distanceFieldUnit("distance", "kg")).toBe("m");
    expect(distanceFieldUnit("distance", "lb")).toBe("m");
    expect(distanceFieldUnit("distance_time", "kg")).toBe("km");
    expect(distanceFieldUnit("distance_time", "lb")).toBe("mi");
    expect(parseDistance("40", distanceFieldUnit("distance", "lb"))).toBe(40);
    expect(parseDistance("0.5 km", distanceFieldUnit("distance", "kg"))).toBe(500);
    expect(distanceText(40, "m")).toBe("40");
    expect(distanceText(999_990, "m")).toBe("999990");
  });
});

describe("parseDistance", () => {
  it.each<[string, "km" | "mi", number | null]>([
    ["", "km", null],
    ["  ", "mi", null],
    ["5", "km", 5000],
    ["5", "mi", 8046.72],
    ["5 km", "km", 5000],
    ["5 km", "mi", 5000],
    ["5km", "mi", 5000],
    ["3.1 mi", "km", 4988.97],
    ["3.1 mi", "mi", 4988.97],
    ["3.1 miles", "km", 4988.97],
    ["1 mile", "km", 1609.34],
    ["400 m", "km", 400],
    ["400m", "mi", 400],
    ["400 M", "mi", 400],
    ["2,5", "km", 2500],
    ["0.25", "mi", 402.34],
    ["21.0975", "km", 21_097.5],
    ["999.99", "km", 999_990],
    [" 42.195 KM ", "mi", 42_195],
  ])("reads %j in %s as %s metres", (text, unit, metres) => {
    expect(parseDistance(text, unit)).toBe(metres);
  });

  it.each(["abc", "5 ft", "km", ".", "-5", "5 km 3", "1e3", "5..0", "5 k m"])("cannot read %j", (text) => {
    expect(parseDistance(text, "km")).toBeNaN();
  });

  it("reads a very long number once, without work that grows with it", () => {
    expect(parseDistance("9".repeat(10_000), "km")).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("distanceText", () => {
  it.each<[number, "km" | "mi", string]>([
    [400, "km", "400 m"],
    [400, "mi", "400 m"],
    [25, "km", "25 m"],
    [5000, "km", "5"],
    [5000, "mi", "5 km"],
    [8046.72, "mi", "5"],
    [4988.97, "mi", "3.1"],
    [4988.97, "km", "3.1 mi"],
    [402.34, "mi", "0.25"],
    [21_097.5, "km", "21.1"],
    [999_990, "km", "999.99"],
    [1234.56, "km", "1.23"],
  ])("shows %s m for an athlete in %s as %j", (metres, unit, text) => {
    expect(distanceText(metres, unit)).toBe(text);
  });

  it.each(["5", "3.1", "0.25", "13.1", "26.22", "400 m", "5 km", "10 km", "1.5", "100 m"])(
    "reads back %j exactly as typed, in either unit",
    (typed) => {
      for (const unit of ["km", "mi"] as const) {
        const metres = parseDistance(typed, unit)!;
        expect(parseDistance(distanceText(metres, unit), unit)).toBe(metres);
      }
    },
  );

  it("reads back what a runner in miles typed in miles, as typed", () => {
    expect(distanceText(parseDistance("3.1", "mi")!, "mi")).toBe("3.1");
    expect(distanceText(parseDistance("13.1", "mi")!, "mi")).toBe("13.1");
  });
});

describe("formatDistance", () => {
  it.each<[number, "km" | "mi", string]>([
    [5000, "km", "5 km"],
    [8046.72, "mi", "5 mi"],
    [5000, "mi", "5 km"],
    [400, "mi", "400 m"],
    [21_097.5, "km", "21.1 km"],
  ])("shows %s m for an athlete in %s as %j", (metres, unit, text) => {
    expect(formatDistance(metres, unit)).toBe(text);
  });
});

describe("formatPace", () => {
  it.each<[number, number, "km" | "mi", string]>([
    [1500, 5000, "km", "5:00 /km"],
    [1500, 5000, "mi", "8:03 /mi"],
    [1800, 8046.72, "mi", "6:00 /mi"],
    [1800, 8046.72, "km", "3:44 /km"],
    [110, 500, "km", "3:40 /km"],
    [35_999, 1000, "km", "9:59:59 /km"],
  ])("%s s over %s m is %j", (seconds, metres, unit, text) => {
    expect(formatPace(seconds, metres, unit)).toBe(text);
  });

  it("has no pace without both a time and a distance", () => {
    expect(formatPace(null, 5000, "km")).toBeNull();
    expect(formatPace(1500, null, "km")).toBeNull();
    expect(formatPace(1500, 0, "mi")).toBeNull();
  });
});
