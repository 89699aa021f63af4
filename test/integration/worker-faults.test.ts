import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialUpn } from '../helpers/children';
import { startStack, type ApiAgent } from '../helpers/stack';
import { retryUntilAnswered } from '../helpers/retry';
import { spawnWorker } from '../helpers/worker-process';
import { settledOutbox } from '../helpers/outbox';

const TASK_QUEUE = 'worker-faults';
const upn = (serial: number) => serialUpn('93844442', serial);

/**
 * Issue #6, faults survived: two worker processes (the compiled `dist/worker/main.js`, as `npm start` runs
 * it) serve the cases; one is killed with SIGKILL while cases are being opened, mid-activity. Every case must
 * end up present once, in its stage, with no notification sent twice and no report lost.
 */
describe('a worker killed mid-activity (separate processes, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let school: ApiAgent;
  const workers: ChildProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-faults-'));

  const startWorker = () => {
    const child = spawnWorker({ databaseUrl: stack.database.url, temporalAddress: stack.env.address, taskQueue: TASK_QUEUE, dataDir });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    stack = await startStack(TASK_QUEUE, { inProcessWorker: false });
    await (await stack.as('admin')).put('/v1/schools/100001').send({ name: 'Oak Primary', laCode: '938' }).expect(200);
    school = await stack.as('oakSchool');
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await stack?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and duplicates nothing when one of two workers is SIGKILLed', async () => {
    const victim = startWorker();
    startWorker();
    const reports = Array.from({ length: 12 }, (_, i) => ({ schoolUrn: '100001', upn: upn(i), reason: 'unexplained_absence', reportId: `0000000${i % 10}-0000-4000-8000-0000000000${String(i).padStart(2, '0')}` }));
    const firstTry = Promise.all(reports.map((report) => school.post('/v1/concerns').send(report)));
    // Kill while the burst is being worked: some cases are on record, others still in flight.
    let onRecord = 0;
    while (onRecord === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      onRecord = await stack.database.db.auditEntry.count({ where: { action: 'case_opened' } });
    }
    victim.kill('SIGKILL');
    expect(onRecord).toBeLessThan(reports.length);
    const first = await firstTry;
    expect(first.every((response) => [200, 201, 503].includes(response.status))).toBe(true);

    // A caller whose request timed out while the worker was down retries with the same report id.
    const settled = await Promise.all(reports.map((report) => retryUntilAnswered(() => school.post('/v1/concerns').send(report))));
    expect(settled.map((response) => [response.status, response.body.error?.code])).toEqual(settled.map((response) => [response.status === 201 ? 201 : 200, undefined]));
    const caseIds = settled.map((response) => response.body.caseId as string);
    expect(new Set(caseIds).size).toBe(reports.length);

    const db = stack.database.db;
    expect(await db.case.count({ where: { id: { in: caseIds }, stage: 'awaiting_reason' } })).toBe(reports.length);
    const opened = await db.auditEntry.groupBy({ by: ['caseId'], where: { action: 'case_opened' }, _count: { _all: true } });
    expect(opened.map((row) => row._count._all)).toEqual(reports.map(() => 1));
    const notifications = await settledOutbox(db, { caseId: { in: caseIds } });
    expect(notifications).toHaveLength(reports.length);
    expect(notifications.every((n) => n.status === 'sent')).toBe(true);
    expect((await stack.env.client.workflow.count(`TaskQueue = "${TASK_QUEUE}"`)).count).toBe(reports.length);
  }, 180_000);
});
