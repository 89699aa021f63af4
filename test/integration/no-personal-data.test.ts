import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { englandDateOf } from '../../domain/calendar/england-time';
import { upnCheckLetter } from '../../domain/identifiers';
import { ENCRYPTED_ENCODING } from '../../temporal/payload-codec';
import { startStack } from '../helpers/stack';
import { bearer, users } from '../helpers/users';

const LA = '938';
const BIRCH = '100003';
const upn = (body: string) => `${upnCheckLetter(body)}${body}`;

/** Distinctive details: if any appears in Temporal's raw history or in a log, personal data has leaked. */
const children = [
  { upn: upn('938700126001'), givenName: 'Quennell', familyName: 'Vantablack', address: '17 Zanzibar Mews, Worthing', parent: 'Philippa Vantablack', phone: '07700 900456' },
  { upn: upn('938700126002'), givenName: 'Ysolde', familyName: 'Marchbanks', address: '3 Quixote Terrace, Crawley', parent: 'Barnaby Marchbanks', phone: '07700 900789' },
];
const reason = 'Quennell Vantablack is now educated at home by Philippa';

/** The CLI prints payload bytes as base64: the text with every such field also read as bytes. */
const readBase64Fields = (text: string) => [text, ...(text.match(/[A-Za-z0-9+/]{8,}={0,2}/g) ?? []).map((field) => Buffer.from(field, 'base64').toString('latin1'))].join('\n');

describe('no personal data in clear outside our database (issue #6: dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  const logs: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    stack = await startStack('no-pii-it', { logger: pino({ level: 'trace' }, stream) });
    await (await stack.as('admin')).put(`/v1/schools/${BIRCH}`).send({ name: 'Birch Special School', laCode: LA, isSpecial: true }).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps names, UPNs, addresses, phone numbers and free-text reasons out of workflow ids, histories, search attributes and logs', async () => {
    const birch = await stack.as('birchSchool');
    const caseIds: string[] = [];
    for (const child of children) {
      const opened = await birch
        .post('/v1/concerns')
        .send({
          schoolUrn: BIRCH,
          upn: child.upn,
          reason: 'ehe_written_notice',
          send: { status: 'ehc_plan', placedByLa: true },
          child: { givenName: child.givenName, familyName: child.familyName, address: child.address, parents: [{ name: child.parent, phone: child.phone }] },
        })
        .expect(201);
      caseIds.push(opened.body.caseId);
    }
    const today = englandDateOf(new Date());
    await birch.post(`/v1/cases/${caseIds[0]}/deletion-requests`).send({ ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } }).expect(200);
    // A free-text reason is where staff are most likely to write a name: it crosses Temporal encrypted.
    await (await stack.as('sendOfficer')).post(`/v1/cases/${caseIds[0]}/la-consent`).send({ decision: 'grant', reason }).expect(200);
    await (await stack.as('cmeOfficer')).post('/v1/referrals').send({ laCode: LA, referrer: { kind: 'police' }, child: { givenName: 'Ottoline', familyName: 'Brackwater', address: '9 Vellum Yard, Bognor' } }).expect(201);

    const cli = (args: string[]) => execFileSync(process.env.TEMPORAL_CLI_PATH!, [...args, '--address', stack.env.address, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const listed = cli(['workflow', 'list']);
    const workflowIds = (JSON.parse(listed) as { execution: { workflowId: string } }[]).map((w) => w.execution.workflowId);
    expect(workflowIds.length).toBe(3);
    const raw = [listed, ...workflowIds.map((id) => cli(['workflow', 'show', '--workflow-id', id])), ...workflowIds.map((id) => cli(['workflow', 'describe', '--workflow-id', id]))].join('\n');
    const rawDecoded = readBase64Fields(raw);

    const personal = [...children.flatMap((c) => [c.upn, c.givenName, c.familyName, c.address, c.parent, c.phone]), 'Ottoline', 'Brackwater', 'Vellum Yard', reason];
    for (const value of personal) {
      expect({ value, inTemporal: rawDecoded.includes(value) }).toEqual({ value, inTemporal: false });
      expect({ value, inLogs: logs.join('').includes(value) }).toEqual({ value, inLogs: false });
    }
    // The payloads are there, encrypted; the logs were not empty (the console transport wrote to them).
    expect(raw).toContain(Buffer.from(ENCRYPTED_ENCODING).toString('base64'));
    expect(logs.join('')).toContain('la_send_team:938');

    // Authorised staff still read the decision's reason: the timeline decodes through the codec.
    const timeline = await (await stack.as('manager')).get(`/v1/cases/${caseIds[0]}/timeline`).expect(200);
    expect(JSON.stringify(timeline.body)).toContain(reason);
  });

  it('serves /codec/decode to LA staff only, for the Temporal UI and CLI', async () => {
    const birch = await stack.as('birchSchool');
    const opened = await birch.post('/v1/concerns').send({ schoolUrn: BIRCH, upn: upn('938700126003'), reason: 'no_show' }).expect(201);
    const history = await stack.env.client.workflow.getHandle(`case-${opened.body.caseId}`).fetchHistory();
    const sealed = history.events?.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes)?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads?.[0];
    const body = { payloads: [{ metadata: Object.fromEntries(Object.entries(sealed!.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(sealed!.data!).toString('base64') }] };

    const decoded = await (await stack.as('manager')).post('/codec/decode').send(body).expect(200);
    expect(JSON.parse(Buffer.from(decoded.body.payloads[0].data, 'base64').toString())).toMatchObject({ reason: 'no_show' });
    await request(stack.app).post('/codec/decode').send(body).expect(401);
    await birch.post('/codec/decode').send(body).expect(403);
    const encoded = await (await stack.as('cmeOfficer')).post('/codec/encode').send({ payloads: decoded.body.payloads }).expect(200);
    expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe(ENCRYPTED_ENCODING);

    // The Temporal CLI reads the history decrypted through the endpoint with an LA officer's token.
    const server = stack.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/codec`;
      const token = (await bearer(stack.auth, users.manager));
      // Asynchronously: the CLI calls back into this process's API.
      const { stdout: shown } = await promisify(execFile)(process.env.TEMPORAL_CLI_PATH!, ['workflow', 'show', '--workflow-id', `case-${opened.body.caseId}`, '--address', stack.env.address, '--output', 'json', '--codec-endpoint', endpoint, '--codec-auth', token], { encoding: 'utf8', timeout: 30000 });
      expect(readBase64Fields(shown)).toContain('"reason":"no_show"');
      expect(shown).not.toContain(Buffer.from(ENCRYPTED_ENCODING).toString('base64'));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
