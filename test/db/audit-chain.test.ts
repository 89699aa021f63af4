import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createRecordCaseEvent, type CaseEventRecord } from '../../activities/case-record';
import { verifyAuditChains } from '../../db/audit-chain';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

/** Issue #6: a tamper-evident record. Append-only in the database itself; hash-chained per case. */
describe('the audit log (real PostgreSQL)', () => {
  let database: TestDatabase;
  let superuser: Client;
  const pupilId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.pupil.create({ data: { id: pupilId, upn: 'B801200005001' } });
    superuser = new Client({ connectionString: database.url });
    await superuser.connect();
  });

  afterAll(async () => {
    await superuser?.end();
    await database?.drop();
  });

  const record = (e: CaseEventRecord) => createRecordCaseEvent(database.db)(e);
  const event = (caseId: string, action: string, extra: Partial<CaseEventRecord> = {}): CaseEventRecord => ({
    eventId: randomUUID(),
    caseId,
    pupilId,
    laCode: '938',
    stage: 'awaiting_reason',
    nextDeadlineAt: null,
    openedAt: '2026-11-28T09:00:00.000Z',
    occurredAt: new Date().toISOString(),
    actor: 'school:100001:u-1',
    action,
    detail: { reason: action },
    ...extra,
  });

  async function openCase(actions: string[]): Promise<{ caseId: string; ids: bigint[] }> {
    const caseId = randomUUID();
    for (const action of actions) await record(event(caseId, action));
    const entries = await database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    return { caseId, ids: entries.map((e) => e.id) };
  }

  it('chains each case\'s entries and verifies them intact; a retried event is written once', async () => {
    const { caseId } = await openCase(['case_opened', 'concern_attached', 'deletion_return_sent']);
    const retried = event(caseId, 'case_closed');
    await record(retried);
    await record(retried);
    const entries = await database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    expect(entries).toHaveLength(4);
    expect(entries[0]!.prevHash).toBe('');
    entries.slice(1).forEach((entry, index) => expect(entry.prevHash).toBe(entries[index]!.hash));
    expect((await verifyAuditChains(database.db, caseId)).problems).toEqual([]);
  });

  it('keeps one chain when a case\'s events are recorded at the same moment', async () => {
    const caseId = randomUUID();
    await record(event(caseId, 'case_opened'));
    await Promise.all(Array.from({ length: 8 }, (_, i) => record(event(caseId, `decision_${i}`))));
    const result = await verifyAuditChains(database.db, caseId);
    expect(result).toMatchObject({ entries: 9, problems: [] });
  });

  it('is refused any update, delete or truncate by the database itself', async () => {
    const { caseId } = await openCase(['case_opened']);
    await expect(superuser.query('UPDATE audit_entry SET actor = $1 WHERE case_id = $2', ['someone_else', caseId])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(superuser.query('DELETE FROM audit_entry WHERE case_id = $1', [caseId])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(superuser.query('TRUNCATE audit_entry CASCADE')).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(database.db.auditEntry.deleteMany({ where: { caseId } })).rejects.toThrow(/append-only/);
  });

  it('detects an altered entry and a removed one, even by someone who switched the guard off', async () => {
    const { caseId, ids } = await openCase(['case_opened', 'la_consent_requested', 'la_consent_granted', 'deletion_confirmed']);
    await superuser.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete');
    try {
      await superuser.query(`UPDATE audit_entry SET actor = 'la_send_officer:someone-else' WHERE id = $1`, [ids[2]]);
      await superuser.query('DELETE FROM audit_entry WHERE id = $1', [ids[1]]);
    } finally {
      await superuser.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete');
    }
    const { problems } = await verifyAuditChains(database.db, caseId);
    expect(problems.map((p) => [p.entryId, p.problem])).toEqual([
      [String(ids[2]), 'chain_broken'],
      [String(ids[2]), 'altered'],
    ]);
  });
});
