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

/** What a merge did with the rows it kept: `merged` are the rows inserted or changed (unchanged ones are not returned). */
export function mergeCounts(received: number, refused: number, merged: { inserted: boolean }[]) {
  const inserted = merged.filter((row) => row.inserted).length;
  return { received, inserted, changed: merged.length - inserted, unchanged: received - refused - merged.length };
}

/** The SQL expression naming the first of `keys`' duplicates: later lines with the same key are refused. */
export const duplicateOf = (field: string, keys: string) =>
  `WHEN s.line <> min(s.line) OVER (PARTITION BY ${keys}) THEN '${field}|duplicate of line ' || min(s.line) OVER (PARTITION BY ${keys})`;
