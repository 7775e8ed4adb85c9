import { describe, expect, it } from "vitest";
import {
  detectFormat,
  HEVY_HEADER_KG,
  IRONLOG_HEADER,
  IRONLOG_HEADER_FIRST,
  STRONG_HEADER,
  STRONG_LEGACY_HEADER,
} from "./formats";

describe("detectFormat", () => {
  it("recognises Strong's current export", () => {
    expect(detectFormat(STRONG_HEADER.join(","))).toMatchObject({ ok: true, detected: { format: "strong", delimiter: "," } });
  });

  it("recognises Strong's older semicolon export, quoted cells and a BOM included", () => {
    expect(detectFormat(`\uFEFF${STRONG_LEGACY_HEADER.map((c) => `"${c}"`).join(";")}\r`)).toMatchObject({
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
    expect(detectFormat(IRONLOG_HEADER_FIRST.join(","))).toMatchObject({ ok: true, detected: { format: "ironlog" } });
  });

  it.each([
    ["today's layout with semicolons", STRONG_HEADER.join(";"), { format: "strong", delimiter: ";" }],
    ["the semicolon layout with commas", STRONG_LEGACY_HEADER.join(","), { format: "strong_legacy", delimiter: "," }],
    [
      "the 2025 layout",
      '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"',
      { format: "strong", delimiter: ";", units: { weight: "kg", distance: "m" }, durationInSeconds: true },
    ],
    [
      "the 14-column layout with Workout Duration",
      "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
      { format: "strong_legacy", columns: expect.arrayContaining(["Duration"]) },
    ],
    [
      "the 2015 layout naming its units",
      "Date,Workout Name,Exercise Name,Set Order,lb,Reps,mi,Seconds",
      { format: "strong", units: { weight: "lb", distance: "mi" } },
    ],
    [
      "German",
      "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,Notizen,Workout-Notizen,RPE",
      { format: "strong", columns: [...STRONG_HEADER] },
    ],
    [
      "French",
      "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,Distance,Secondes,Notes,Notes d'entraînement,RPE",
      { format: "strong", columns: [...STRONG_HEADER] },
    ],
    [
      "Chinese",
      "日期,锻炼名称,时长,运动名称,设置顺序,重量,次,距离,秒,备注,锻炼备注,RPE",
      { format: "strong", columns: [...STRONG_HEADER] },
    ],
    [
      "no header row, its first set instead",
      '2020-12-05 15:44:36;"ChestShoulderTri";"Bench Press (Barbell)";1;35;lbs;10;;;;0;"";""',
      { format: "strong_legacy", delimiter: ";", hasHeader: false, columns: [...STRONG_LEGACY_HEADER] },
    ],
  ])("recognises Strong's %s", (_, line, detected) => {
    expect(detectFormat(line)).toMatchObject({ ok: true, detected });
  });

  it("recognises Hevy without superset_id, saved with semicolons", () => {
    const header = HEVY_HEADER_KG.filter((c) => c !== "superset_id").join(";");
    expect(detectFormat(header)).toMatchObject({ ok: true, detected: { format: "hevy", delimiter: ";" } });
  });

  it.each([
    ["Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time", { units: { weight: "lb" } }],
    ["Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time", {}],
  ])("recognises FitNotes: %s", (line, detected) => {
    expect(detectFormat(line)).toMatchObject({ ok: true, detected: { format: "fitnotes", ...detected } });
  });

  it("names JEFIT when it sees a JEFIT backup", () => {
    expect(detectFormat("### SETTING ##########################################")).toMatchObject({
      ok: false,
      error: expect.stringContaining("JEFIT"),
    });
  });

  it("names what it expected for anything else", () => {
    const result = detectFormat("name,email\n");
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Strong export") });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Hevy export") });
  });

  it.each([
    [
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Mood",
      "Strong",
      "“Mood” is not a column Strong writes",
    ],
    ["Date,Workout Name,Duration,Exercise Name,Weight,Reps,Distance,Seconds", "Strong", "it has no “Set Order” column"],
    ["title,start_time,end_time,exercise_title,set_index,weight_kg,reps", "Hevy", "it has no “set_type” column"],
    [
      "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,constructor",
      "Strong",
      "“constructor” is not a column Strong writes",
    ],
  ])("says which app %j looks like and what is wrong", (line, app, what) => {
    const result = detectFormat(line);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(`looks like a ${app} export`) });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(what) });
  });
});
