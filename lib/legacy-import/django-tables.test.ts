import { describe, expect, it } from "vitest";
import { DJANGO_TABLES, type DjangoTable, djangoRecordFromRow } from "./django-tables";
import { LEGACY_MODELS } from "./django-dump";

const table = (name: string): DjangoTable => DJANGO_TABLES.find((t) => t.table === name)!;

describe("a row of the old system's database as the dumpdata record Django would write", () => {
  it("reads one table per model the dump import reads, in the same order", () => {
    expect(DJANGO_TABLES.map((t) => t.model)).toEqual([...LEGACY_MODELS]);
  });

  it("takes the primary key out of the fields and names a foreign key by its field", () => {
    expect(
      djangoRecordFromRow(table("workouts_split"), { id: 3, split_name: "Full Body", user_id: 5, created_at: null }),
    ).toEqual({ model: "workouts.split", pk: 3, fields: { split_name: "Full Body", user: 5, created_at: null } });
  });

  it.each([
    ['["basic_equipment", "full_gym"]', ["basic_equipment", "full_gym"]],
    ['"basic_equipment"', "basic_equipment"],
    ["[]", []],
    ["null", null],
    [null, null],
    // A column from before JSONField held the answer as plain text: kept as given.
    ["basic_equipment", "basic_equipment"],
    ["[broken", "[broken"],
  ])("reads the JSON column text %j as %j", (text, value) => {
    const record = djangoRecordFromRow(table("assessments_assessment"), { id: 1, user_id: 2, equipment: text });
    expect(record.fields.equipment).toEqual(value);
  });

  it("leaves text in other columns as text, even when it looks like JSON", () => {
    const record = djangoRecordFromRow(table("workouts_workout"), { id: 1, user_id: null, notes: "[1]", difficulty_level: "2" });
    expect(record.fields).toEqual({ user: null, notes: "[1]", difficulty_level: "2" });
  });

  it("gives a split day its workouts in link order, and an empty list when it has none", () => {
    const day = { id: 7, split_id: 3, day_name: "Push", day_order: 1 };
    expect(djangoRecordFromRow(table("workouts_splitday"), day, [9, 2, 4]).fields).toEqual({
      split: 3,
      day_name: "Push",
      day_order: 1,
      workouts: [9, 2, 4],
    });
    expect(djangoRecordFromRow(table("workouts_splitday"), day).fields.workouts).toEqual([]);
  });

  it("passes columns it does not know through under their own name, as a dump's extra fields are", () => {
    const record = djangoRecordFromRow(table("auth_user"), { id: 1, email: "a@b.example", is_staff: true, legacy_flag: 1 });
    expect(record).toEqual({ model: "auth.user", pk: 1, fields: { email: "a@b.example", is_staff: true, legacy_flag: 1 } });
  });
});
