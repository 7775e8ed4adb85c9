/** Ironlog's own history export, read back: Strong's columns plus Ironlog's. */
import { isTimeZone } from "@/lib/time-zone";
import { distanceUnitOf, optionalText, setTypeOf, text, weightUnitOf, wholeNumber } from "./cells";
import { readStrong } from "./strong";
import type { ImportedSet, RowContext } from "./rows";

export function readIronlog(record: Record<string, string>, line: number, context: RowContext): ImportedSet {
  const zone = text(record["Time Zone"]) || context.timeZone;
  const set = readStrong(record, line, { ...context, timeZone: isTimeZone(zone) ? zone : context.timeZone });
  return {
    ...set,
    // Ironlog writes each set's own note in Strong's Notes column, the exercise's in a column of its own.
    exerciseNotes: optionalText(record["Exercise Notes"]),
    notes: set.exerciseNotes,
    missed: text(record["Missed"]).toLowerCase() === "yes",
    setIndex: wholeNumber(record["Set Order"], "Set Order", 1000) ?? set.setIndex,
    setType: setTypeOf(record["Set Type"]),
    supersetId: optionalText(record["Superset"]),
    weightUnit: weightUnitOf(record["Weight Unit"]),
    distanceUnit: distanceUnitOf(record["Distance Unit"]),
  };
}
