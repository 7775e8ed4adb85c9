import "server-only";
import { type SQL, sql } from "drizzle-orm";

/**
 * A batch sent to Postgres as one JSON text parameter, unpacked there with jsonb_to_recordset (jsonb
 * rather than json: nested values are parsed once, not again for each jsonb column). The `::text`
 * cast keeps both drivers from re-encoding the string; one parameter per statement avoids a round
 * trip per row.
 */
export function jsonParam(value: unknown): SQL {
  return sql`${JSON.stringify(value)}::text::jsonb`;
}
