import type { PoolClient } from 'pg';
import type { RowError } from './row-errors';

/**
 * Checks staged rows against the register in one statement: `refusal` is a SQL expression over the staging
 * row `s` (and whatever `joins` add) giving 'field|message' or NULL. Refused rows leave the staging table and
 * come back as row errors; what remains is merged.
 */
export async function refuseStaged(client: PoolClient, table: string, joins: string, refusal: string, params: unknown[]): Promise<RowError[]> {
  const { rows } = await client.query<RowError>(
    `WITH checked AS (
       SELECT s.line, ${refusal} AS refusal FROM ${table} s ${joins}
     ), refused AS (
       DELETE FROM ${table} s USING checked c WHERE c.line = s.line AND c.refusal IS NOT NULL RETURNING s.line
     )
     SELECT c.line, split_part(c.refusal, '|', 1) AS field, split_part(c.refusal, '|', 2) AS message FROM checked c JOIN refused r ON r.line = c.line`,
    params,
  );
  return rows;
}

/** What a merge did with the rows it kept: `merged` counts the rows inserted or changed; the rest were unchanged. */
export function mergeCounts(received: number, refused: number, merged: { inserted: number; changed: number }) {
  return { received, ...merged, unchanged: received - refused - merged.inserted - merged.changed };
}

/** The counts of a merge that returned each row it inserted or changed. */
export function tally(rows: { inserted: boolean }[]): { inserted: number; changed: number } {
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, changed: rows.length - inserted };
}

/** The SQL expression naming the first of `keys`' duplicates: later lines with the same key are refused. */
export const duplicateOf = (field: string, keys: string) =>
  `WHEN s.line <> min(s.line) OVER (PARTITION BY ${keys}) THEN '${field}|duplicate of line ' || min(s.line) OVER (PARTITION BY ${keys})`;
