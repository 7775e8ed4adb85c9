/**
 * Moving data between environments: the Ironlog dump (export, import) and the old system's
 * dumpdata import. See docs/data-dump-format.md for the dump format.
 * The command-line scripts use it too, under `tsx --conditions=react-server` (where the
 * server-only marker is a no-op).
 */
import "server-only";

export { exportAll, writeDump, type ExportOptions, type ExportSummary } from "./export";
export { importDump, type ImportMode, type ImportOptions, type ImportReport, type ImportStatus } from "./import";
export { fileDumpSource, textDumpSource, type DumpSource } from "./dump-source";
export { DUMP_FORMAT, DUMP_FORMAT_VERSION, DataTransferError, type DumpHeader } from "./dump-format";
export { DUMP_TABLE_ORDER, type DumpTableName } from "./tables";
export type { Rejection } from "./validate-dump";
export { formatExportSummary, formatImportReport } from "./report";
export { importLegacyDump, type LegacyImportOptions, type LegacyImportReport } from "@/server/data-transfer/legacy/import-legacy";
export { readLegacyDump } from "@/server/data-transfer/legacy/django-dump";
export { formatLegacyImportReport } from "@/server/data-transfer/legacy/legacy-report";
