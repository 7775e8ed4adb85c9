/**
 * Every data migration the engine can run, in the order the dashboard lists them. To add one: its
 * rules as pure functions with tests (lib/migrations/<id>/), a declaration (server/migrations/<id>.ts,
 * `defineDataMigration`), and a line here.
 */
import "server-only";
import { UnknownMigrationError } from "./errors";
import { equipmentSingleChoice } from "@/server/migrations/equipment-single-choice";
import { exerciseBackfill } from "@/server/migrations/exercise-backfill";
import { stripLegacyNameSuffixes } from "@/server/migrations/strip-legacy-name-suffixes";
import { stripLegacySplitNameSuffixes } from "@/server/migrations/strip-legacy-split-name-suffixes";
import type { AnyDataMigration } from "./types";

export const dataMigrations: readonly AnyDataMigration[] = [
  equipmentSingleChoice,
  exerciseBackfill,
  stripLegacyNameSuffixes,
  stripLegacySplitNameSuffixes,
];

export function findDataMigration(id: string): AnyDataMigration | undefined {
  return dataMigrations.find((m) => m.id === id);
}

/** The migration with this id; throws UnknownMigrationError (listing the known ids) otherwise. */
export function getDataMigration(id: string): AnyDataMigration {
  const migration = findDataMigration(id);
  if (!migration)
    throw new UnknownMigrationError(
      id,
      dataMigrations.map((m) => m.id),
    );
  return migration;
}
