/**
 * `strip-legacy-split-name-suffixes`: the split half of strip-legacy-name-suffixes. The old system's
 * save step appended " 📅" to every split name; same rules, same report, one table per declaration.
 */
import "server-only";
import { splits } from "@/db/schema";
import { type NamedRow, classifySplitName, SPLIT_NAME_SUFFIXES } from "@/lib/migrations/strip-legacy-name-suffixes/rules";
import { legacyNameReport } from "@/lib/migrations/strip-legacy-name-suffixes/report";
import { endsInLegacySuffix, otherNamesOfOwner } from "./legacy-name-sql";
import { defineDataMigration } from "./define-migration";
import type { SourceRow } from "./types";

export const stripLegacySplitNameSuffixes = defineDataMigration<SourceRow & NamedRow>({
  id: "strip-legacy-split-name-suffixes",
  title: "Split names: strip the old system's emoji",
  description: 'Removes the " 📅" the old system\'s transform appended to every split name, which the legacy import brought in.',
  rules: [
    'A split name ending in " 📅" loses it (repeated ones too).',
    "Any other name is skipped.",
    "Errors, left untouched: nothing would be left of the name, or the stripped name equals (ignoring case) the name another split of the same athlete has or would get, so no athlete has two splits they cannot tell apart. Both are reported; rename one by hand.",
    "Only the name changes; days, exercises and every other column are never touched.",
  ],
  wording: { name: "split name suffix", rowsNoun: "splits", skipped: "Skipped (no legacy suffix)" },
  table: splits,
  key: splits.id,
  owner: splits.userId,
  updatedAt: splits.updatedAt,
  columns: { name: splits.name, otherNames: otherNamesOfOwner(splits, splits.id, splits.userId, splits.name) },
  mayNeedChange: endsInLegacySuffix(splits.name, SPLIT_NAME_SUFFIXES),
  classify: classifySplitName,
  report: legacyNameReport("split_id"),
});
