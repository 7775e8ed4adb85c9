import { describe, expect, it } from "vitest";
import { weightUnitHint } from "./unit-hint";

/** A log as weight × how many sets held it. */
const log = (entries: Partial<Record<number, number>>) =>
  new Map(Object.entries(entries).map(([w, n]): [number, number] => [Number(w), n ?? 0]));

describe("weightUnitHint", () => {
  it.each([
    {
      case: "a pound lifter's barbell loads",
      weights: { 45: 20, 95: 10, 135: 30, 185: 12, 225: 25, 315: 8, 25: 30, 50: 20 },
      unit: "lb",
      reason: "Many weights look like pound plates on a 45 lb bar: 135, 185 and 225.",
    },
    {
      case: "kilogram dumbbells and kettlebells beside round barbell loads",
      weights: { 20: 40, 60: 30, 100: 25, 62.5: 10, 12: 20, 16: 25, 24: 10, 8: 5 },
      unit: "kg",
      reason: "Many weights are whole numbers that pound plates and dumbbells do not make: 12, 16 and 24.",
    },
    {
      case: "round kilograms converted to pounds by the app (Strong writes 20 kg as 44.0924… lb)",
      weights: { 44.09245243697551: 40, 176.36980974790205: 30, 110.23113109243879: 25, 60: 2 },
      unit: "lb",
      reason: "Most weights are round kilograms written in pounds: 44.09 lb is 20 kg, 176.37 lb is 80 kg.",
    },
    {
      case: "round pounds converted to kilograms (Strong's 2025 layout writes 15 lb as 6.8038… kg)",
      weights: { 6.80388555: 40, 13.6077711: 30, 40.8233133: 25 },
      unit: "kg",
      reason: "Most weights are round pounds written in kilograms: 6.8 kg is 15 lb, 13.61 kg is 30 lb.",
    },
  ])("says $unit for $case, with a few of the file's weights", ({ weights, unit, reason }) => {
    expect(weightUnitHint(log(weights))).toEqual({ unit, reason });
  });

  it.each([
    { case: "too few weighed sets to tell", weights: { 135: 5, 225: 5, 315: 5 } },
    { case: "only weights both units round to", weights: { 20: 30, 40: 30, 50: 30, 100: 30 } },
    {
      case: "plate loads among many kilogram steps",
      weights: { 135: 10, 225: 10, 12: 30, 16: 30, 20: 20 },
    },
    { case: "no weights at all", weights: {} },
  ])("gives no hint for $case", ({ weights }) => {
    expect(weightUnitHint(log(weights))).toBeNull();
  });
});
