import os from 'node:os';
import { loadEnv } from '../config/env';
import { createDb } from '../db/prisma';
import { casesPastRetention, purgeCase } from '../db/record-retention';

/**
 * `npm run purge-records [-- --apply]`: lists the closed cases past their LA's RECORD-RETENTION (a dry run that
 * writes nothing); with `--apply` purges each through the database's purge function, which logs it in
 * `purged_case`. Run `npm run verify-audit` after: the remaining chains stay intact.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--apply');
  if (unknown.length > 0) throw new Error(`purge-records: unknown argument ${unknown[0]} (only --apply)`);
  const apply = args.includes('--apply');
  const env = loadEnv();
  if (!env.DATABASE_URL) throw new Error('purge-records needs DATABASE_URL (npm start prints it)');
  const db = createDb(env.DATABASE_URL);
  try {
    const due = await casesPastRetention(db);
    let entries = 0;
    for (const candidate of due) {
      console.log(`case ${candidate.caseId}\tLA ${candidate.laCode}\tclosed ${candidate.closedAt.toISOString()}\tretention ${candidate.retentionYears} years`);
      if (apply) entries += await purgeCase(db, candidate, `purge-records:${os.userInfo().username}`);
    }
    console.log(
      apply
        ? `${due.length} case(s) purged with ${entries} audit entries; each is recorded in purged_case`
        : `${due.length} case(s) past retention; dry run, nothing purged (add --apply)`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
