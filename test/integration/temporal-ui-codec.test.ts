import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import request from 'supertest';
import { AesGcmPayloadCodec } from '../../temporal/payload-codec';
import { testPayloadKeys } from '../helpers/payload-keys';
import { startStack } from '../helpers/stack';
import { users } from '../helpers/users';

const UI = 'http://127.0.0.1:8233'; // the stack's Temporal UI origin
const asJson = (payload: Payload) => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});

/**
 * Issue #6, the Temporal UI's codec: the dev server's UI has no sign-in, so it cannot send a bearer token. LA staff
 * signing in to our web UI get their token back as an HttpOnly cookie for /codec; the Temporal UI, with "include
 * cross-origin credentials" on, sends it with each decode. The HTTP contract a browser relies on is checked here:
 * preflight and credentialed decode allowed from exactly the UI's origin; other origins, other roles and anonymous
 * callers refused.
 */
describe('the Temporal UI decoding through our codec with the web UI sign-in cookie (dev server, API)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let sealed: { payloads: ReturnType<typeof asJson>[] };
  let officerCookie: string;
  const decode = () => request(stack.app).post('/codec/decode').set('content-type', 'application/json').set('x-namespace', 'default');

  beforeAll(async () => {
    stack = await startStack('temporal-ui-codec', { inProcessWorker: false });
    const [payload] = await new AesGcmPayloadCodec(testPayloadKeys).encode([defaultPayloadConverter.toPayload({ reason: 'no_show' })]);
    sealed = { payloads: [asJson(payload!)] };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers the Temporal UI origin\'s preflight with credentials allowed, and no other origin\'s', async () => {
    const preflight = (origin: string) =>
      request(stack.app).options('/codec/decode').set('origin', origin).set('access-control-request-method', 'POST').set('access-control-request-headers', 'content-type,x-namespace');
    const allowed = await preflight(UI).expect(204);
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': UI, 'access-control-allow-credentials': 'true', 'access-control-allow-methods': 'POST' });
    expect(allowed.headers['access-control-allow-headers']).toContain('x-namespace');
    const other = await preflight('http://127.0.0.1:9999');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(other.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives LA staff, and only them, an HttpOnly SameSite=Strict cookie for /codec that lives no longer than an hour', async () => {
    const set = await (await stack.as('cmeOfficer')).post('/codec/session').expect(204);
    const cookie = String(set.headers['set-cookie']);
    expect(cookie).toMatch(/^cme_codec=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=\d+; Path=\/codec; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);
    officerCookie = cookie.split(';')[0]!;

    const school = await (await stack.as('oakSchool')).post('/codec/session').expect(403);
    expect(school.headers['set-cookie']).toBeUndefined();
    await request(stack.app).post('/codec/session').expect(401);
  });

  it('decodes a credentialed request from the Temporal UI origin carrying that cookie', async () => {
    const decoded = await decode().set('origin', UI).set('cookie', officerCookie).send(sealed).expect(200);
    expect(decoded.headers).toMatchObject({ 'access-control-allow-origin': UI, 'access-control-allow-credentials': 'true' });
    expect(JSON.parse(Buffer.from(decoded.body.payloads[0].data, 'base64').toString())).toEqual({ reason: 'no_show' });
  });

  it('refuses the cookie from another origin or none, anonymous calls from the UI, and a cookie holding another role\'s or a forged token', async () => {
    const elsewhere = await decode().set('origin', 'http://127.0.0.1:9999').set('cookie', officerCookie).send(sealed).expect(403);
    expect(elsewhere.body.error).toMatchObject({ code: 'forbidden', field: 'origin' });
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
    await decode().set('cookie', officerCookie).send(sealed).expect(403);
    await decode().set('origin', UI).send(sealed).expect(401);
    await decode().set('origin', UI).set('cookie', `cme_codec=${await stack.auth.devIssuer!.sign(users.oakSchool)}`).send(sealed).expect(403);
    await decode().set('origin', UI).set('cookie', 'cme_codec=e30.e30.').send(sealed).expect(401);
    // The cookie is the codec's only: the API itself still wants the bearer header.
    await request(stack.app).get('/v1/cases').set('cookie', officerCookie).expect(401);
  });

  it('clears the cookie at sign-out', async () => {
    const cleared = await request(stack.app).delete('/codec/session').set('cookie', officerCookie).expect(204);
    expect(String(cleared.headers['set-cookie'])).toMatch(/^cme_codec=; Path=\/codec; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);
  });
});
