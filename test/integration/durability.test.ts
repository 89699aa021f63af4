import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createBulkPool } from '../../db/bulk-pool';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { freePort } from '../../scripts/devstack/free-port';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/devstack/temporal-dev-server';
import { connectClient } from '../../temporal/client';
import type { CaseWorker } from '../../worker/case-worker';
import { createCaseWorker } from '../../worker/create-worker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { testDataConverter, testPayloadKeys } from '../helpers/payload-keys';
import { recordingNotifier } from '../helpers/stack';
import { bearer, testAuth, users } from '../helpers/users';
import { settledOutbox } from '../helpers/outbox';

const taskQueue = 'durability';

describe('durability: Temporal dev server and worker stopped mid-case, restarted on the same data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-durability-'));
  const notifier = recordingNotifier();
  let port: number;
  let database: TestDatabase;
  let pool: Pool;
  let server: RunningDevServer | undefined;
  let client: Client;
  let worker: { connection: NativeConnection; worker: CaseWorker; run: Promise<void> } | undefined;

  const startServer = () =>
    startTemporalDevServer({ cliPath: process.env.TEMPORAL_CLI_PATH!, dataDir, port, namespace: 'default' });

  async function startWorker() {
    const connection = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
    const started = await createCaseWorker({ connection, namespace: 'default', taskQueue, db: database.db, notifier, dataConverter: testDataConverter, dispatch: { databaseUrl: database.url } });
    return { connection, worker: started, run: started.run() };
  }

  async function stopWorker() {
    if (!worker) return;
    worker.worker.shutdown();
    await worker.run;
    await worker.connection.close();
    worker = undefined;
  }

  beforeAll(async () => {
    port = await freePort();
    database = await createTestDatabase();
    pool = createBulkPool(database.url);
    server = await startServer();
    client = await connectClient({ address: server.address, namespace: 'default', dataConverter: testDataConverter });
    worker = await startWorker();
  });

  afterAll(async () => {
    await stopWorker();
    await client?.connection.close();
    await server?.stop();
    await pool?.end();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues the case after the restart, with nothing duplicated', async () => {
    const auth = await testAuth();
    const app = createApp({ db: database.db, pool, uploadMaxBytes: 2 ** 20, temporal: client, logger: pino({ level: 'silent' }), auth, payloadKeys: testPayloadKeys, ui: { authMode: 'dev', namespace: 'default' }, taskQueue, temporalDeadlineMs: 20000 });
    const admin = request.agent(app).set('authorization', await bearer(auth, users.admin));
    const school = request.agent(app).set('authorization', await bearer(auth, users.elmSchool));
    await admin.put('/v1/schools/100002').send({ name: 'Elm Academy', laCode: '938' }).expect(200);
    const opened = await school.post('/v1/concerns').send({ schoolUrn: '100002', upn: 'B801200005001', reason: 'unexplained_absence' }).expect(201);
    const before = (await school.get(`/v1/cases/${opened.body.caseId}`).expect(200)).body;

    await stopWorker();
    await server!.stop();
    expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);

    server = await startServer();
    worker = await startWorker();

    const after = (await school.get(`/v1/cases/${opened.body.caseId}`).expect(200)).body;
    expect(after).toEqual(before);

    const again = await school.post('/v1/concerns').send({ schoolUrn: '100002', upn: 'B801200005001', reason: 'continuous_unauthorised_absence' }).expect(200);
    expect(again.body).toMatchObject({ caseId: opened.body.caseId, attached: true, nextDeadline: before.nextDeadline });

    expect((await client.workflow.count()).count).toBe(1);
    expect(await database.db.case.count()).toBe(1);
    const actions = (await database.db.auditEntry.findMany({ orderBy: { id: 'asc' } })).map((entry) => entry.action);
    expect(actions).toEqual(['case_opened', 'concern_attached']);
    // One to open the case, one because a new kind of concern joined it: each sent exactly once.
    const outbox = await settledOutbox(database.db, {});
    expect(outbox.map((n) => [n.template, n.status])).toEqual([
      ['case_opened:unexplained_absence', 'sent'],
      ['concern_attached:continuous_unauthorised_absence', 'sent'],
    ]);
    expect(notifier.sent).toHaveLength(2);
  });
});
