import { loadEnv } from '../config/env';
import { verifyAuditChains } from '../db/audit-chain';
import { createDb } from '../db/prisma';

/**
 * `npm run verify-audit [caseId]`: recomputes every case's audit chain and lists each altered entry and each
 * break where an entry was removed. Exits 1 when anything is wrong, so it can run on a schedule.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  if (!env.DATABASE_URL) throw new Error('verify-audit needs DATABASE_URL (npm start prints it)');
  const db = createDb(env.DATABASE_URL);
  try {
    const result = await verifyAuditChains(db, process.argv[2]);
    for (const problem of result.problems) console.log(`${problem.problem}\tcase ${problem.caseId}\tentry ${problem.entryId}\t${problem.detail}`);
    console.log(`${result.entries} entries in ${result.cases} cases checked: ${result.problems.length === 0 ? 'intact' : `${result.problems.length} problem(s)`}`);
    process.exitCode = result.problems.length === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
