import type { AddressInfo } from 'node:net';
import { runLoad } from '../../bench/load';
import { startStack } from '../helpers/stack';
import { bearer, users } from '../helpers/users';
import { settledOutbox } from '../helpers/outbox';

/**
 * Issue #6, load held: a short bounded run of the load bench through the real API, worker, dev server and
 * database. Its figures are printed, never asserted; what is asserted is that nothing failed and every case
 * is accounted for exactly once. `npm run bench:load` runs the long version against a started system.
 */
describe('bounded loopback load (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let server: ReturnType<Awaited<ReturnType<typeof startStack>>['app']['listen']>;

  beforeAll(async () => {
    stack = await startStack('load-it');
    await (await stack.as('admin')).put('/v1/schools/100001').send({ name: 'Oak Primary', laCode: '938' }).expect(200);
    server = stack.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  it('opens, works and closes cases from concurrent clients with zero errors, each case exactly once', async () => {
    const report = await runLoad({
      apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      clients: 8,
      seconds: 8,
      schoolUrn: '100001',
      laCode: '938',
      tokens: { school: (await bearer(stack.auth, users.oakSchool)).slice(7), officer: (await bearer(stack.auth, users.cmeOfficer)).slice(7) },
      runTag: '555',
    });
    const { caseIds, ...figures } = report;
    console.log(`load: ${JSON.stringify(figures)}`);
    expect(report.errors).toEqual([]);
    expect(caseIds.length).toBeGreaterThan(0);
    expect(new Set(caseIds).size).toBe(caseIds.length);

    const db = stack.database.db;
    expect(await db.case.count({ where: { id: { in: caseIds }, stage: 'closed', outcome: 'located_and_attending' } })).toBe(caseIds.length);
    const opened = await db.auditEntry.groupBy({ by: ['caseId'], where: { caseId: { in: caseIds }, action: 'case_opened' }, _count: { _all: true } });
    expect(opened).toHaveLength(caseIds.length);
    expect(opened.every((row) => row._count._all === 1)).toBe(true);
    expect(await db.auditEntry.count({ where: { caseId: { in: caseIds }, action: 'contact_attempt' } })).toBe(caseIds.length);
    expect((await settledOutbox(db, { caseId: { in: caseIds } })).every((row) => row.status === 'sent')).toBe(true);
    expect(await db.pupil.count({ where: { openCaseId: { in: caseIds } } })).toBe(0);
  });
});
