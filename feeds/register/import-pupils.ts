import type { Pool, PoolClient } from 'pg';
import { copyRows, inTransaction } from '../bulk/copy-rows';
import { CheckedRows } from '../bulk/checked-rows';
import type { Upload } from '../bulk/read-records';
import { duplicateOf, mergeCounts, refuseStaged, tally } from '../bulk/refuse-staged';
import { inScopeSql, type UploadScope } from '../upload-scope';
import { pupilLayout, pupilRow } from './register-rows';

const stagedColumns = ['line', 'school_urn', 'upn', 'sen_status', 'placed_by_la', 'left_on', 'standard_transition', 'given_name', 'family_name', 'date_of_birth', 'address', 'sex', 'year_group'];

/**
 * Loads a pupil register in one transaction: each pupil's roll, SEN status and LA placement (the flags the
 * consent gate reads), its leaving date, and the child's name and address when given. A leaver row never takes
 * a pupil off a roll they joined since. Returns the pupils whose registration changed, for detection, and the schools of the rows kept.
 */
export async function importPupils(pool: Pool, scope: UploadScope, upload: Upload) {
  const staged = new CheckedRows(upload, pupilLayout, pupilRow, (pupil) => [
    pupil.schoolUrn, pupil.upn, pupil.senStatus, pupil.placedByLa, pupil.leavingDate ?? null, pupil.standardTransition,
    pupil.givenName ?? null, pupil.familyName ?? null, pupil.dateOfBirth ?? null, pupil.address ?? null, pupil.sex ?? null, pupil.yearGroup ?? null,
  ]);
  const { errors } = staged;
  return inTransaction(pool, async (client) => {
    await client.query(`CREATE TEMP TABLE staged_pupil (line int, school_urn text, upn text, sen_status text, placed_by_la boolean, left_on date,
      standard_transition boolean, given_name text, family_name text, date_of_birth date, address text, sex text, year_group text) ON COMMIT DROP`);
    await copyRows(client, 'staged_pupil', stagedColumns, staged);
    for (const refusal of await refuseRows(client, scope)) errors.add(refusal);
    const { rows: schools } = await client.query<{ school_urn: string }>('SELECT DISTINCT school_urn FROM staged_pupil');
    const changed = await mergePupils(client);
    await mergeChildDetails(client);
    return {
      ...mergeCounts(staged.received, errors.count, tally(changed)),
      rejected: errors.report(),
      pupilIds: changed.map((row) => row.id),
      schoolUrns: schools.map((row) => row.school_urn),
    };
  });
}

function refuseRows(client: PoolClient, scope: UploadScope) {
  return refuseStaged(
    client,
    'staged_pupil',
    'LEFT JOIN school sc ON sc.urn = s.school_urn',
    `CASE
       WHEN sc.urn IS NULL THEN 'schoolUrn|school is not on the register'
       WHEN NOT ${inScopeSql} THEN 'schoolUrn|not a school you may upload for'
       ${duplicateOf('upn', 's.upn')}
     END`,
    [scope.schoolUrns, scope.laCode],
  );
}

async function mergePupils(client: PoolClient) {
  const { rows } = await client.query<{ id: string; inserted: boolean }>(
    `INSERT INTO pupil (id, upn, school_urn, sen_status, placed_by_la, left_on, standard_transition, sex, year_group)
     SELECT gen_random_uuid(), upn, school_urn, sen_status, placed_by_la, left_on, standard_transition, sex, year_group FROM staged_pupil
     ON CONFLICT (upn) DO UPDATE SET school_urn = EXCLUDED.school_urn, sen_status = EXCLUDED.sen_status, placed_by_la = EXCLUDED.placed_by_la,
       left_on = EXCLUDED.left_on, standard_transition = EXCLUDED.standard_transition,
       sex = COALESCE(EXCLUDED.sex, pupil.sex), year_group = COALESCE(EXCLUDED.year_group, pupil.year_group)
     WHERE (pupil.school_urn IS NOT DISTINCT FROM EXCLUDED.school_urn OR EXCLUDED.left_on IS NULL OR pupil.left_on IS NOT NULL OR pupil.school_urn IS NULL)
       AND (pupil.school_urn, pupil.sen_status, pupil.placed_by_la, pupil.left_on, pupil.standard_transition, pupil.sex, pupil.year_group)
         IS DISTINCT FROM (EXCLUDED.school_urn, EXCLUDED.sen_status, EXCLUDED.placed_by_la, EXCLUDED.left_on, EXCLUDED.standard_transition,
           COALESCE(EXCLUDED.sex, pupil.sex), COALESCE(EXCLUDED.year_group, pupil.year_group))
     RETURNING id, (xmax = 0) AS inserted`,
  );
  return rows;
}

/** The child's name, date of birth and address, kept only in child_details (personal data: never to Temporal). */
async function mergeChildDetails(client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO child_details (pupil_id, given_name, family_name, date_of_birth, address, updated_at)
     SELECT p.id, s.given_name, s.family_name, s.date_of_birth, s.address, now()
     FROM staged_pupil s JOIN pupil p ON p.upn = s.upn WHERE s.given_name IS NOT NULL
     ON CONFLICT (pupil_id) DO UPDATE SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
       date_of_birth = COALESCE(EXCLUDED.date_of_birth, child_details.date_of_birth), address = COALESCE(EXCLUDED.address, child_details.address), updated_at = now()
     WHERE (child_details.given_name, child_details.family_name, child_details.date_of_birth, child_details.address)
       IS DISTINCT FROM (EXCLUDED.given_name, EXCLUDED.family_name, COALESCE(EXCLUDED.date_of_birth, child_details.date_of_birth), COALESCE(EXCLUDED.address, child_details.address))`,
  );
}
