import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { createRecordCaseEvent } from '../../activities/case-record';
import { verifyAuditChains } from '../../db/audit-chain';
import { casesPastRetention } from '../../db/record-retention';
import type { CaseStage } from '../../domain/case';
import { recordRetentionRule } from '../../domain/rules/catalogue';
import { parseRuleSetting } from '../../domain/rules/policy';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const yearsAgo = (years: number) => new Date(Date.now() - years * 365.25 * 24 * 3600 * 1000 - 86_400_000).toISOString();
const dist = (script: string) => path.join(__dirname, '..', '..', 'dist', 'scripts', `${script}.js`);

/**
 * Issue #6, retention of our record: RECORD-RETENTION years after a case closes (per LA, local practice), the
 * case is purged whole through the database's own purge function, which logs each purge in the append-only
 * `purged_case`; the audit log stays closed to every other DELETE. Temporal's namespace retention is separate.
 */
describe('RECORD-RETENTION: purging closed cases past retention (real PostgreSQL, the npm scripts as run)', () => {
  let database: TestDatabase;
  let sql: Client;
  const cases = { longClosed: randomUUID(), recentlyClosed: randomUUID(), longOpen: randomUUID(), shortRetention: randomUUID(), siblingOpen: randomUUID(), onRoll: randomUUID() };
  const pupils = { alone: randomUUID(), recent: randomUUID(), open: randomUUID(), shared: randomUUID(), onRoll: randomUUID() };

  const run = (script: string, args: string[] = []) => {
    const result = spawnSync(process.execPath, [dist(script), ...args], { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
    return { status: result.status, out: `${result.stdout}${result.stderr}` };
  };
  const counts = async (caseId: string) => ({
    case: await database.db.case.count({ where: { id: caseId } }),
    audit: await database.db.auditEntry.count({ where: { caseId } }),
    notifications: await database.db.notification.count({ where: { caseId } }),
    projection: await database.db.caseProjection.count({ where: { caseId } }),
  });

  async function caseHistory(caseId: string, pupilId: string, laCode: string, openedYearsAgo: number, closedYearsAgo?: number) {
    const record = createRecordCaseEvent(database.db);
    const openedAt = yearsAgo(openedYearsAgo);
    const base = { caseId, pupilId, laCode, openedAt, nextDeadlineAt: null, actor: 'school:100001:u-1' };
    // The workflow's state goes with each step into the case's projection, which the purge removes with the case.
    const snapshot = (version: number, stage: CaseStage) => ({ version, state: { caseId, pupilId, laCode, stage, openedAt, concerns: [], deadlines: [], jointEnquiries: {}, refusedDeletions: [], safeguarding: [] } });
    await record({ ...base, eventId: randomUUID(), stage: 'awaiting_reason', occurredAt: openedAt, action: 'case_opened', snapshot: snapshot(1, 'awaiting_reason') });
    await record({ ...base, eventId: randomUUID(), stage: 'awaiting_reason', occurredAt: openedAt, action: 'contact_attempt', snapshot: snapshot(2, 'awaiting_reason') });
    if (closedYearsAgo !== undefined) {
      const closed = { stage: 'closed', occurredAt: yearsAgo(closedYearsAgo), action: 'case_closed', outcome: 'located_and_attending', snapshot: snapshot(3, 'closed') };
      await record({ ...base, eventId: randomUUID(), ...closed });
    }
    await database.db.notification.create({ data: { idempotencyKey: `${caseId}:opened:la`, caseId, recipient: `la:${laCode}:cme`, template: 'case_opened', transport: 'recording', status: 'sent' } });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.school.create({ data: { urn: '100001', name: 'Oak Primary', laCode: '938' } });
    for (const id of Object.values(pupils)) await database.db.pupil.create({ data: { id, ...(id === pupils.onRoll ? { schoolUrn: '100001' } : {}) } });
    await database.db.childDetails.create({ data: { pupilId: pupils.alone, givenName: 'Ottoline', familyName: 'Purgeable' } });
    await database.db.childDetails.create({ data: { pupilId: pupils.shared, givenName: 'Kept', familyName: 'Sibling-Case' } });
    await caseHistory(cases.longClosed, pupils.alone, '938', 11, 10); // past the default 6 years
    await caseHistory(cases.recentlyClosed, pupils.recent, '938', 3, 2); // inside them
    await caseHistory(cases.longOpen, pupils.open, '938', 10); // never closed
    await caseHistory(cases.shortRetention, pupils.shared, '926', 4, 3); // LA 926 keeps 2 years
    await caseHistory(cases.siblingOpen, pupils.shared, '926', 1); // the same child's open case
    await caseHistory(cases.onRoll, pupils.onRoll, '938', 10, 9); // a child still on a roll, with register marks
    await database.db.attendanceMark.create({ data: { pupilId: pupils.onRoll, date: new Date('2026-11-23'), session: 'AM', schoolUrn: '100001', code: '/' } });
    await database.db.detectionAlert.create({ data: { id: randomUUID(), pupilId: pupils.onRoll, kind: 'continuous_unauthorised_absence', episode: 'run:2016-09-05', caseId: cases.onRoll } });
    await database.db.pupil.update({ where: { id: pupils.shared }, data: { openCaseId: cases.siblingOpen } });
    await database.db.laRuleSetting.create({ data: { laCode: '926', ruleId: recordRetentionRule.id, value: 2, updatedBy: 'manager:u-926' } });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  it('is a configurable local-practice rule: years, 6 by default, 1 to 100', () => {
    expect(recordRetentionRule).toMatchObject({ confidence: 'local', setting: { defaultValue: 6 } });
    expect(parseRuleSetting('RECORD-RETENTION', 10)).toBe(10);
    expect(() => parseRuleSetting('RECORD-RETENTION', 0)).toThrow();
    expect(() => parseRuleSetting('RECORD-RETENTION', 2.5)).toThrow();
  });

  it('dry run lists the closed cases past their LA\'s retention and writes nothing', async () => {
    const before = await Promise.all(Object.values(cases).map(counts));
    expect((await casesPastRetention(database.db)).map((c) => [c.caseId, c.laCode, c.retentionYears])).toEqual([
      [cases.longClosed, '938', 6],
      [cases.onRoll, '938', 6],
      [cases.shortRetention, '926', 2],
    ]);
    const dryRun = run('purge-records');
    expect(dryRun.status).toBe(0);
    expect(dryRun.out).toContain(`case ${cases.longClosed}\tLA 938`);
    expect(dryRun.out).toContain(`case ${cases.shortRetention}\tLA 926`);
    expect(dryRun.out).not.toContain(cases.recentlyClosed);
    expect(dryRun.out).toContain('3 case(s) past retention; dry run, nothing purged');
    expect(await Promise.all(Object.values(cases).map(counts))).toEqual(before);
    expect(await database.db.purgedCase.count()).toBe(0);
  });

  it('refuses a direct DELETE on the audit log, and any change to the purge log, for the app and the owner alike', async () => {
    await expect(sql.query('DELETE FROM audit_entry WHERE case_id = $1', [cases.longClosed])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(sql.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    await expect(sql.query(`INSERT INTO purged_case (case_id, la_code, closed_at, retention_years, entry_count, last_hash, purged_by) VALUES ('x', '938', now(), 6, 0, '', 't')`)).resolves.toBeDefined();
    await expect(sql.query(`UPDATE purged_case SET purged_by = 'someone else'`)).rejects.toThrow(/purged_case is append-only: UPDATE refused/);
    await expect(sql.query(`DELETE FROM purged_case`)).rejects.toThrow(/purged_case is append-only: DELETE refused/);
  });

  it('lets an ordinary login role neither delete audit entries, nor take the purge\'s role, nor call the purge', async () => {
    const role = `cme_app_${randomUUID().slice(0, 8)}`;
    await sql.query(`CREATE ROLE ${role} LOGIN`);
    await sql.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    const app = new Client({ connectionString: database.url.replace('//cme@', `//${role}@`) });
    await app.connect();
    try {
      await expect(app.query('DELETE FROM audit_entry WHERE case_id = $1', [cases.recentlyClosed])).rejects.toThrow(/append-only: DELETE refused/);
      await expect(app.query('SET ROLE cme_record_keeper')).rejects.toThrow(/permission denied/);
      // A case the purge would take (closed 10 years ago), asked for by a login role other than the schema's owner.
      await expect(app.query('SELECT purge_closed_case($1, 6, $2)', [cases.longClosed, role])).rejects.toThrow(/permission denied for function purge_closed_case/);
    } finally {
      await app.end();
      await sql.query(`DROP OWNED BY ${role}`);
      await sql.query(`DROP ROLE ${role}`);
    }
    expect((await counts(cases.recentlyClosed)).audit).toBe(3);
    expect((await counts(cases.longClosed)).audit).toBe(3);
  });

  it('the purge function refuses an open case, one inside retention, and fewer years than the LA keeps', async () => {
    await expect(sql.query('SELECT purge_closed_case($1, 6, $2)', [cases.longOpen, 'test'])).rejects.toThrow(/is open/);
    await expect(sql.query('SELECT purge_closed_case($1, 6, $2)', [cases.recentlyClosed, 'test'])).rejects.toThrow(/inside its retention/);
    await sql.query(`INSERT INTO la_rule_setting (la_code, rule_id, value, updated_at, updated_by) VALUES ('938', 'RECORD-RETENTION', '12', now(), 't')`);
    await expect(sql.query('SELECT purge_closed_case($1, 6, $2)', [cases.longClosed, 'test'])).rejects.toThrow(/below the LA's 12 years/);
    await sql.query(`DELETE FROM la_rule_setting WHERE la_code = '938'`);
    expect((await counts(cases.longClosed)).audit).toBe(3);
  });

  it('--apply purges each case whole, logs it in purged_case, keeps the rest, and verify-audit still passes', async () => {
    const lastHash = (await database.db.auditEntry.findFirst({ where: { caseId: cases.longClosed }, orderBy: { id: 'desc' } }))!.hash;
    const applied = run('purge-records', ['--apply']);
    expect([applied.status, applied.out]).toEqual([0, expect.stringContaining('3 case(s) purged with 9 audit entries')]);

    expect(await counts(cases.longClosed)).toEqual({ case: 0, audit: 0, notifications: 0, projection: 0 });
    expect(await counts(cases.shortRetention)).toEqual({ case: 0, audit: 0, notifications: 0, projection: 0 });
    expect(await database.db.pupil.count({ where: { id: pupils.alone } })).toBe(0);
    expect(await database.db.childDetails.count({ where: { pupilId: pupils.alone } })).toBe(0);
    // The same child's open case keeps the child's register entry.
    expect(await database.db.childDetails.count({ where: { pupilId: pupils.shared } })).toBe(1);
    // A child still on a roll keeps the register entry and marks; the purged case's detection alert goes with it.
    expect(await counts(cases.onRoll)).toEqual({ case: 0, audit: 0, notifications: 0, projection: 0 });
    expect(await database.db.pupil.count({ where: { id: pupils.onRoll } })).toBe(1);
    expect(await database.db.attendanceMark.count({ where: { pupilId: pupils.onRoll } })).toBe(1);
    expect(await database.db.detectionAlert.count({ where: { caseId: cases.onRoll } })).toBe(0);
    for (const kept of [cases.recentlyClosed, cases.longOpen, cases.siblingOpen]) expect(await counts(kept)).toEqual({ case: 1, audit: kept === cases.recentlyClosed ? 3 : 2, notifications: 1, projection: 1 });

    const log = await database.db.purgedCase.findMany({ where: { caseId: { in: [cases.longClosed, cases.shortRetention] } }, orderBy: { id: 'asc' } });
    expect(log.map((row) => [row.caseId, row.laCode, row.retentionYears, row.entryCount, row.purgedBy.startsWith('purge-records:')])).toEqual([
      [cases.longClosed, '938', 6, 3, true],
      [cases.shortRetention, '926', 2, 3, true],
    ]);
    expect(log[0]!.lastHash).toBe(lastHash);

    expect((await verifyAuditChains(database.db)).problems).toEqual([]);
    expect(run('verify-audit')).toEqual({ status: 0, out: expect.stringContaining('intact') });
    expect(run('purge-records', ['--apply']).out).toContain('0 case(s) purged');
  });
});
