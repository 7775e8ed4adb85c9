/**
 * Moving data between environments: the Ironlog dump (export, import) and the old system's
 * import (its dumpdata file or its MySQL database). See docs/data-dump-format.md for the dump format.
 * The command-line scripts use it too, under `tsx --conditions=react-server` (where the
 * server-only marker is a no-op).
 */
import "server-only";

export { writeDump } from "./export";
export { importDump, type ImportStatus } from "./import";
export { fileDumpSource } from "./dump-source";
export { formatExportSummary, formatImportReport, formatStagingSignIn } from "./report";
export { prepareStagingSignIn, readDumpHeader } from "./staging-admin";
export { DataTransferError } from "./dump-format";
export { importLegacyDump } from "@/server/data-transfer/legacy/import-legacy";
export { readLegacyDump } from "@/server/data-transfer/legacy/read-legacy-dump";
export { describeLegacyDatabase, readLegacyDatabase } from "@/server/data-transfer/legacy/read-legacy-mysql";
export { formatLegacyImportReport } from "@/server/data-transfer/legacy/legacy-report";
