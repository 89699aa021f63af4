import type { Pool } from 'pg';
import { copyRows, inTransaction } from '../bulk/copy-rows';
import { CheckedRows } from '../bulk/checked-rows';
import type { Upload } from '../bulk/read-records';
import { duplicateOf, mergeCounts, refuseStaged, tally } from '../bulk/refuse-staged';
import { schoolLayout, schoolRow } from './register-rows';

/** Loads the school register (GIAS URN, LA, special school) in one transaction; a URN seen twice is refused. */
export async function importSchools(pool: Pool, upload: Upload) {
  const staged = new CheckedRows(upload, schoolLayout, schoolRow, (school) => [school.urn, school.name, school.laCode, school.isSpecial]);
  const { errors } = staged;
  return inTransaction(pool, async (client) => {
    await client.query('CREATE TEMP TABLE staged_school (line int, urn text, name text, la_code text, is_special boolean) ON COMMIT DROP');
    await copyRows(client, 'staged_school', ['line', 'urn', 'name', 'la_code', 'is_special'], staged);
    for (const refusal of await refuseStaged(client, 'staged_school', '', `CASE ${duplicateOf('urn', 's.urn')} END`, [])) errors.add(refusal);
    const { rows } = await client.query<{ inserted: boolean }>(
      `INSERT INTO school (urn, name, la_code, is_special, updated_at)
       SELECT urn, name, la_code, is_special, now() FROM staged_school
       ON CONFLICT (urn) DO UPDATE SET name = EXCLUDED.name, la_code = EXCLUDED.la_code, is_special = EXCLUDED.is_special, updated_at = now()
         WHERE (school.name, school.la_code, school.is_special) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.la_code, EXCLUDED.is_special)
       RETURNING (xmax = 0) AS inserted`,
    );
    return { ...mergeCounts(staged.received, errors.count, tally(rows)), rejected: errors.report() };
  });
}
