/**
 * The Ironlog dump: NDJSON, one JSON value per line. Line 1 is the header, then one record per row
 * (`{"table": ..., "row": {...}}`) in DUMP_TABLE_ORDER, then a trailer with the count per table so a
 * truncated file is caught. docs/data-dump-format.md is the reader's version of this module.
 */
import "server-only";
import { z } from "@/lib/zod";
import { shippedSchemaMigrations } from "@/db/client";
import { DUMP_TABLE_ORDER, type DumpTableName } from "./tables";

export const DUMP_FORMAT = "ironlog-dump";
/**
 * Bumped when a reader of the previous version could misread a new dump. 2: sessions have exercise
 * slots and tombstones, sets an identity, a slot, a missed flag and merge clocks (format-upgrade.ts
 * reads format 1). 3: exercises have a measure (and more types), sets a set type, a time and a
 * distance, day and session exercises a superset group; a format-2 dump lacks them, and they take
 * their defaults (weight × reps, normal sets, no superset). 4: history_import_exercises (the own
 * exercises an import added, for its undo); older dumps have none. 5: a set may record a weight
 * alone, and its field_times name the set's values as lib/training/set does (weightKg, distanceM
 * where format 4 wrote weight, distance); format-upgrade.ts renames them in an older dump. 6: a
 * session has a `uid` (the identity a device gave it when started); an older dump's sessions take a
 * new one on import. 7: migration_settings and migration_approvals (the two-person rule for data
 * migrations) and migration_change_notices (athletes told what a run changed); older dumps have none.
 */
export const DUMP_FORMAT_VERSION = 7;

export const dumpHeaderSchema = z.strictObject({
  format: z.literal(DUMP_FORMAT),
  format_version: z.number().int(),
  app_version: z.string(),
  /** Tag of the last schema migration (drizzle/) applied to the database the dump was taken from. */
  schema_migration: z.string().nullable(),
  created_at: z.iso.datetime({ offset: true }),
  secrets: z.enum(["omitted", "included"]),
  tables: z.array(z.string()),
  /**
   * Present on an anonymized copy (`--anonymize`): pseudonyms instead of people, typed text replaced.
   * Importing one names a staging admin and prints a reset link for them.
   */
  anonymized: z.literal(true).optional(),
});
export type DumpHeader = z.infer<typeof dumpHeaderSchema>;

export const dumpRecordSchema = z.strictObject({
  table: z.string(),
  row: z.record(z.string(), z.unknown()),
});

export const dumpTrailerSchema = z.strictObject({
  end: z.literal(DUMP_FORMAT),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

export function headerLine(header: DumpHeader): string {
  return `${JSON.stringify(header)}\n`;
}

/** A record line from a row already serialised as JSON (the export builds rows in SQL). */
export function recordLine(table: DumpTableName, rowJson: string): string {
  return `{"table":${JSON.stringify(table)},"row":${rowJson}}\n`;
}

export function trailerLine(counts: Record<DumpTableName, number>): string {
  const ordered = Object.fromEntries(DUMP_TABLE_ORDER.map((name) => [name, counts[name]]));
  return `${JSON.stringify({ end: DUMP_FORMAT, counts: ordered })}\n`;
}

/** Tags of the schema migrations this build of the app ships, oldest first. */
export function shippedSchemaMigrationTags(): string[] {
  return shippedSchemaMigrations().map((entry) => entry.tag);
}

export class DataTransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataTransferError";
  }
}
