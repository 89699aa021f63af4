import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createBulkPool } from '../../db/bulk-pool';
import { freePort } from '../../scripts/devstack/free-port';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { testDataConverter, testPayloadKeys } from '../helpers/payload-keys';
import { bearer, testAuth, users } from '../helpers/users';

/**
 * Issue 14 (schemathesis, stateful phase, a loaded machine): a referral answered 500 when Temporal kept refusing the
 * call (unreachable, overloaded) until the client's own retries ran out before the request's deadline: the client
 * then throws a ServiceError ("Update-With-Start failed") with the gRPC error only as its cause, which the API did
 * not read. Either way round the answer is 503 temporal_unavailable, as the document says.
 */
describe('Temporal unreachable: a referral answers 503, never 500 (real database, no Temporal listening)', () => {
  let database: TestDatabase;
  let pool: ReturnType<typeof createBulkPool>;
  let temporal: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createBulkPool(database.url);
    // Nothing listens on this port: every call fails with UNAVAILABLE, which the client retries, then gives up.
    temporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }), namespace: 'default', dataConverter: testDataConverter });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await pool?.end();
    await database?.drop();
  });

  it.each([
    ['the deadline runs out before the client gives up', 2_000],
    ['the client gives up first (about 20 s of retries), before the deadline', 120_000],
  ])('%s', async (_when, temporalDeadlineMs) => {
    const auth = await testAuth();
    const app = createApp({ db: database.db, pool, uploadMaxBytes: 2 ** 20, temporal, logger: pino({ level: 'silent' }), auth, payloadKeys: testPayloadKeys, ui: { authMode: 'dev', namespace: 'default' }, taskQueue: 'temporal-unavailable', temporalDeadlineMs });
    const response = await request(app)
      .post('/v1/referrals')
      .set('authorization', await bearer(auth, users.cmeOfficer))
      .send({ laCode: '938', referrer: { kind: 'public' }, child: { givenName: 'Ann', familyName: 'Lee' }, upn: 'B801200005001' });
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 503, code: 'temporal_unavailable' });
  }, 150_000);
});
