import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { englandDateOf } from '../../domain/calendar/england-time';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import { testUpn } from '../fixtures/register-data';
import { deliveredUpload } from '../helpers/upload-progress';
import { startStack, type ApiAgent } from '../helpers/stack';
import { bearer, users } from '../helpers/users';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const BIRCH = '100003';
const csv = { 'content-type': 'text/csv' };

const onOak = testUpn(101);
const onElm = testUpn(102);
const gated = testUpn(103); // EHC plan, placed at Birch (special) by the LA
const notPlaced = testUpn(104); // at Birch, but not under LA arrangements
const leaver = testUpn(105);
const transferred = testUpn(106);
const placedLater = testUpn(109); // at Birch; the LA placement and EHC plan are imported after the case opened

/**
 * Issue #5: the register and attendance uploads refuse what is wrong row by row (line, field, why), keep
 * the good rows, and write nothing of a broken file; the register's SEN flags drive the consent gate; a leaver
 * with no deletion return is a possible silent deletion.
 */
describe('register import and attendance ingest (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let admin: ApiAgent;
  let officer: ApiAgent;
  let oak: ApiAgent;
  const markCount = () => stack.database.db.attendanceMark.count();

  beforeAll(async () => {
    stack = await startStack('register-ingest-it', { uploadMaxBytes: 64 * 1024 });
    [admin, officer, oak] = await Promise.all([stack.as('admin'), stack.as('cmeOfficer'), stack.as('oakSchool')]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('school register', () => {
    const schools = `urn,name,la_code,is_special\n${OAK},Oak Primary,${LA},N\n${ELM},Elm Academy,${LA},\n${BIRCH},Birch Special School,${LA},Y\n`;

    it('imports the documented CSV once; the same file again changes nothing', async () => {
      expect((await admin.post('/v1/register/schools').set(csv).send(schools).expect(200)).body).toMatchObject({ received: 3, inserted: 3, rejected: { count: 0 } });
      expect((await admin.post('/v1/register/schools').set(csv).send(schools).expect(200)).body).toMatchObject({ received: 3, inserted: 0, changed: 0, unchanged: 3 });
      expect(await stack.database.db.school.findUnique({ where: { urn: BIRCH } })).toMatchObject({ isSpecial: true, laCode: LA });
    });

    it('names the line and field of each bad row and keeps the good ones', async () => {
      const body = `URN,Name,LA_Code,Is_Special\n100011,Ash Infants,93,N\n100012,Beech Junior,${LA},maybe\n100013,Cedar,${LA},N\n100013,Cedar again,${LA},N\n`;
      const response = await admin.post('/v1/register/schools').set(csv).send(body).expect(200);
      expect(response.body).toMatchObject({ received: 4, inserted: 1 });
      expect(response.body.rejected.rows).toEqual([
        { line: 2, field: 'laCode', message: 'must be a 3-digit LA code' },
        { line: 3, field: 'isSpecial', message: 'must be Y or N' },
        { line: 5, field: 'urn', message: 'duplicate of line 4' },
      ]);
    });

    it('is for administrators only, and refuses before reading a row', async () => {
      await officer.post('/v1/register/schools').set(csv).send(`urn,name,la_code\n100014,Damson,${LA}\n`).expect(403);
      expect(await stack.database.db.school.findUnique({ where: { urn: '100014' } })).toBeNull();
    });
  });

  describe('pupil register', () => {
    it('stores the roll and SEN flags (census codes N, K, E), and refuses a broken header whole', async () => {
      const register = `school_urn,upn,sen_status,placed_by_la\n${OAK},${onOak},N,N\n${ELM},${onElm},K,N\n${BIRCH},${gated},E,Y\n${BIRCH},${notPlaced},ehc_plan,N\n${OAK},${onOak},N,N\n${OAK},X1,N,N\n${OAK},${testUpn(107)},Q,N\n`;
      const response = await officer.post('/v1/register/pupils').set(csv).send(register).expect(200);
      expect(response.body).toMatchObject({ received: 7, inserted: 4 });
      expect(response.body.rejected.rows).toEqual([
        { line: 6, field: 'upn', message: 'duplicate of line 2' },
        { line: 7, field: 'upn', message: 'must be a 13-character UPN with a valid check letter' },
        { line: 8, field: 'senStatus', message: 'must be N, K or E (census), or none, sen_support, ehc_plan' },
      ]);
      expect(await stack.database.db.pupil.findUnique({ where: { upn: gated } })).toMatchObject({ schoolUrn: BIRCH, senStatus: 'ehc_plan', placedByLa: true });

      const noUpn = await officer.post('/v1/register/pupils').set(csv).send(`school_urn,sen_status\n${OAK},N\n`).expect(400);
      expect(noUpn.body.error).toMatchObject({ code: 'invalid_file', field: 'upn' });
      const unknownColumn = await officer.post('/v1/register/pupils').set(csv).send(`school_urn,upn,shoe_size\n${OAK},${testUpn(108)},3\n`).expect(400);
      expect(unknownColumn.body.error.field).toBe('shoe_size');
      expect(await stack.database.db.pupil.count()).toBe(4);
    });

    it('SPECIAL-SCHOOL consent gate from the register: an imported LA placement at a special school waits for SEND consent', async () => {
      const birch = await stack.as('birchSchool');
      const today = englandDateOf(new Date());
      const evidence = { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false };
      const outcomes: Record<string, string> = {};
      for (const upn of [gated, notPlaced]) {
        const { caseId } = (await birch.post('/v1/concerns').send({ schoolUrn: BIRCH, upn, reason: 'ehe_written_notice' }).expect(201)).body;
        outcomes[upn] = (await birch.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'F', deleteOn: today, evidence }).expect(200)).body.result.status;
      }
      expect(outcomes[gated]).toBe('awaiting_la_consent');
      expect(outcomes[notPlaced]).not.toBe('awaiting_la_consent');
    });

    it('SPECIAL-SCHOOL consent gate from the register as it stands: a placement imported after the case opened still waits for SEND consent', async () => {
      const birch = await stack.as('birchSchool');
      const today = englandDateOf(new Date());
      await officer.post('/v1/register/pupils').set(csv).send(`school_urn,upn,sen_status,placed_by_la\n${BIRCH},${placedLater},N,N\n`).expect(200);
      const { caseId } = (await birch.post('/v1/concerns').send({ schoolUrn: BIRCH, upn: placedLater, reason: 'ehe_written_notice' }).expect(201)).body;
      expect(await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ sendFlag: false });
      // The LA's next census import records the EHC plan and its placement at Birch.
      await officer.post('/v1/register/pupils').set(csv).send(`school_urn,upn,sen_status,placed_by_la\n${BIRCH},${placedLater},E,Y\n`).expect(200);
      const evidence = { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false };
      const deletion = await birch.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'F', deleteOn: today, evidence }).expect(200);
      expect(deletion.body.result.status).toBe('awaiting_la_consent');
      const kase = await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { auditEntries: { orderBy: { id: 'asc' } } } });
      expect(kase).toMatchObject({ stage: 'awaiting_la_consent', sendFlag: true });
      expect(kase.auditEntries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['placement_updated', 'la_consent_requested']));
    });

    it('SILENT-DELETION: a leaving date with no deletion return opens a case (T11); a standard transition does not; again, nothing new', async () => {
      const leavingDate = addCalendarDays(englandDateOf(new Date()), -3);
      const leavers = `school_urn,upn,leaving_date,standard_transition,given_name,family_name\n${OAK},${leaver},${leavingDate},N,Lena,Left\n${OAK},${transferred},${leavingDate},Y,,\n`;
      const first = await officer.post('/v1/register/pupils').set(csv).send(leavers).expect(200);
      expect(first.body.detection).toMatchObject({ newAlerts: 1, alerts: 1 });
      expect(await deliveredUpload(officer, first.body.uploadId)).toMatchObject({ kind: 'register_pupils', alerts: 1, delivered: [{ reason: 'leaver_unknown_destination', attached: false }] });
      const kase = await stack.database.db.case.findFirstOrThrow({ where: { pupil: { upn: leaver } }, include: { auditEntries: true } });
      expect(kase.stage).toBe('whereabouts_check');
      expect(kase.auditEntries.find((e) => e.action === 'case_opened')).toMatchObject({ actor: 'system:register-import', ruleId: 'TRIGGER-T11' });
      expect(await stack.database.db.case.count({ where: { pupil: { upn: transferred } } })).toBe(0);
      expect(await stack.database.db.childDetails.findFirst({ where: { pupil: { upn: leaver } } })).toMatchObject({ givenName: 'Lena', familyName: 'Left' });

      const again = await officer.post('/v1/register/pupils').set(csv).send(leavers).expect(200);
      expect(again.body).toMatchObject({ unchanged: 2, detection: { newAlerts: 0, alerts: 0 } });
      expect(await stack.database.db.detectionAlert.count({ where: { kind: 'possible_silent_deletion' } })).toBe(1);
    });
  });

  describe('attendance marks', () => {
    const header = 'school_urn,upn,date,session,code';
    const day = '2026-11-23';

    it('refuses wrong codes, unknown pupils, duplicates and bad dates by line and field, and keeps the good rows', async () => {
      const tomorrow = addCalendarDays(englandDateOf(new Date()), 1);
      const rows = [
        `${OAK},${onOak},${day},AM,/`, // 2 kept
        `${OAK},${onOak},${day},PM,ZZ`, // 3 code
        `${OAK},${testUpn(199)},${day},AM,N`, // 4 unknown pupil
        `${OAK},${onOak},${day},AM,N`, // 5 duplicate of 2
        `${OAK},${onOak},2026-02-30,AM,N`, // 6 no such date
        `${OAK},${onOak},${tomorrow},AM,N`, // 7 future
        `${OAK},${onOak},2024-06-03,AM,N`, // 8 before the 2024 codes
        `${OAK},${onOak},${day},EVE,N`, // 9 session
        `${OAK},${onElm},${day},AM,N`, // 10 on another school's roll
        `${OAK},${onOak},2026-11-24,am,i`, // 11 kept (case-insensitive session and code)
      ];
      const response = await oak.post('/v1/attendance-marks').set(csv).send([header, ...rows].join('\n')).expect(200);
      expect(response.body).toMatchObject({ received: 10, inserted: 2, changed: 0, unchanged: 0 });
      expect(response.body.rejected.rows.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
        [3, 'code'], [4, 'upn'], [5, 'session'], [6, 'date'], [7, 'date'], [8, 'date'], [9, 'session'], [10, 'upn'],
      ]);
      expect(response.body.rejected.rows[2].message).toBe('duplicate of line 2');
      expect(JSON.stringify(response.body)).not.toContain(onOak);
      expect(await markCount()).toBe(2);
    });

    it('a file where every row is refused answers 422 and writes nothing; out-of-scope schools are refused per row', async () => {
      const afterLeaving = addCalendarDays(englandDateOf(new Date()), -1);
      const response = await oak.post('/v1/attendance-marks').set(csv).send(`${header}\n${ELM},${onElm},${day},AM,N\n${OAK},${leaver},${afterLeaving},AM,N\n`).expect(422);
      expect(response.body.error).toMatchObject({ code: 'rows_refused', field: 'body' });
      expect(response.body.rejected.rows).toEqual([
        { line: 2, field: 'schoolUrn', message: 'not a school you may upload for' },
        { line: 3, field: 'date', message: 'after the pupil left this school' },
      ]);
      expect(await markCount()).toBe(2);
    });

    it('a file broken part-way (CSV or JSON) writes none of its rows', async () => {
      const brokenCsv = `${header}\n${OAK},${onOak},2026-11-25,AM,/\n${OAK},${onOak},2026-11-25,PM,"\\\n`;
      expect((await oak.post('/v1/attendance-marks').set(csv).send(brokenCsv).expect(400)).body.error.code).toBe('invalid_file');
      const brokenJson = `[{"schoolUrn":"${OAK}","upn":"${onOak}","date":"2026-11-26","session":"AM","code":"/"}, {"schoolUrn":`;
      expect((await oak.post('/v1/attendance-marks').set('content-type', 'application/json').send(brokenJson).expect(400)).body.error.code).toBe('malformed_json');
      expect(await markCount()).toBe(2);
    });

    it('refuses an oversized upload whole (413), another media type (415), an empty file (400) and a role that may not upload (403)', async () => {
      const big = [header, ...Array.from({ length: 3000 }, (_, i) => `${OAK},${onOak},${addCalendarDays('2025-01-01', i % 300)},${i % 2 ? 'PM' : 'AM'},/`)].join('\n');
      expect((await oak.post('/v1/attendance-marks').set(csv).send(big).expect(413)).body.error.code).toBe('too_large');
      await oak.post('/v1/attendance-marks').set('content-type', 'text/plain').send('x').expect(415);
      expect((await oak.post('/v1/attendance-marks').set(csv).send(`${header}\n`).expect(400)).body.error.code).toBe('empty_upload');
      await (await stack.as('manager')).post('/v1/attendance-marks').set(csv).send(`${header}\n${OAK},${onOak},${day},PM,/\n`).expect(403);
      expect(await markCount()).toBe(2);
    });
  });

  describe('the upload command (npm run upload)', () => {
    it('streams a file to the API with the caller\'s token and prints the report', async () => {
      const server = stack.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-upload-'));
      const file = path.join(dir, 'marks.csv');
      fs.writeFileSync(file, `school_urn,upn,date,session,code\n${OAK},${onOak},2026-11-20,AM,/\n${OAK},${onOak},2026-11-20,PM,X9\n`);
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'scripts', 'upload.js'), 'attendance', file], {
          env: { ...process.env, API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, API_TOKEN: (await bearer(stack.auth, users.oakSchool)).slice('Bearer '.length) },
        });
        expect(JSON.parse(stdout)).toMatchObject({ received: 2, inserted: 1, rejected: { count: 1, rows: [{ line: 3, field: 'code' }] } });
      } finally {
        server.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
