import { execFileSync } from 'node:child_process';
import { verifyAuditChains } from '../../db/audit-chain';
import { englandDateOf } from '../../domain/calendar/england-time';
import { DYNAMIC_CONFIG_FILE } from '../../scripts/devstack/temporal-cluster';
import { ensureTemporalServer } from '../../scripts/devstack/temporal-server';
import { serialUpn } from '../helpers/children';
import { startProductionShape, temporalCluster, type Answer, type ProductionShape } from '../helpers/production-shape';
import type { TestUser } from '../helpers/users';

const TASK_QUEUE = 'cluster';
const OAK = '100001';
const BIRCH = '100003';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Each fault's recovery, from the fault to every caller answered, stays within this. */
const RECOVERY_MS = 120_000;

/**
 * Issue #17, the production shape run for real: the Temporal Server (the release docker-compose.yml deploys)
 * with frontend, history, matching and its internal worker as separate processes on their own PostgreSQL; two
 * API replicas and three case workers of ours as the compiled processes. A case's whole life crosses both
 * replicas; then each fault strikes mid-burst, and every case is on record once, every decision once, every
 * notification once, and every audit chain intact.
 */
describe('the production shape: Temporal Server services apart on PostgreSQL, two API replicas, three workers', () => {
  let shape: ProductionShape;
  let serial = 0;
  const allCases: string[] = [];
  const nextReport = () => {
    serial += 1;
    return { schoolUrn: OAK, upn: serialUpn('93877771', serial), reason: 'unexplained_absence', reportId: uuid(1, serial) };
  };

  beforeAll(async () => {
    shape = await startProductionShape({ taskQueue: TASK_QUEUE, apis: 2, workers: 3, temporal: temporalCluster });
    for (const [urn, school] of [[OAK, { name: 'Oak Primary', laCode: '938' }], [BIRCH, { name: 'Birch Special School', laCode: '938', isSpecial: true }]] as const) {
      expect(await statusOf(shape.call(0, 'admin', `/schools/${urn}`, school, 'PUT'))).toBe(200);
    }
  }, 600_000);

  afterAll(async () => {
    await shape?.stop();
  }, 120_000);

  it('runs with the dynamic config compose mounts, every key one this release knows', () => {
    const checked = execFileSync(ensureTemporalServer().server, ['validate-dynamic-config', DYNAMIC_CONFIG_FILE], { encoding: 'utf8' });
    expect(checked.trim()).toBe(DYNAMIC_CONFIG_FILE);
  });

  it("a case's whole life through both replicas: opened on one, decided, consented and closed across both", async () => {
    // As every caller does: a 503 (the cluster slow to answer) is retried with the same ids, on either replica.
    const on = (replica: number, user: TestUser, route: string, body?: unknown) => shape.retrying(user, route, body, { replica });
    const opened = await on(0, 'oakSchool', '/concerns', nextReport());
    expect([200, 201]).toContain(opened.status);
    const missing = opened.body.caseId as string;
    expect((await on(1, 'oakSchool', `/cases/${missing}/contact-attempts`, { attemptId: uuid(3, 1), method: 'home_visit', outcome: 'address_vacant' })).status).toBe(200);
    expect((await on(0, 'cmeOfficer', `/cases/${missing}/safeguarding-concerns`, { concern: 'missing_child', referralId: uuid(2, 0) })).status).toBe(200);
    expect((await on(1, 'cmeOfficer', `/cases/${missing}/close`, { decisionId: uuid(4, 1), outcome: 'located_and_attending', reason: 'back at school' })).status).toBe(200);
    expect((await on(0, 'oakSchool', `/cases/${missing}`)).body.stage).toBe('closed');

    // GATE-SPECIAL-SCHOOL (PRR06 reg 8(2)): a special school's deletion waits for the SEND officer's consent.
    const gated = await on(1, 'birchSchool', '/concerns', { schoolUrn: BIRCH, upn: serialUpn('93877772', 1), reason: 'ehe_written_notice', send: { status: 'ehc_plan', placedByLa: true }, reportId: uuid(1, 0) });
    expect([200, 201]).toContain(gated.status);
    const caseId = gated.body.caseId as string;
    const today = englandDateOf(new Date());
    const requested = await on(0, 'birchSchool', `/cases/${caseId}/deletion-requests`, { requestId: uuid(5, 1), ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } });
    expect(requested.body.result).toMatchObject({ status: 'awaiting_la_consent' });
    const granted = await on(1, 'sendOfficer', `/cases/${caseId}/la-consent`, { decisionId: uuid(6, 1), decision: 'grant', reason: 'EHE suitable' });
    expect([granted.status, granted.body.result]).toEqual([200, 'deleted_from_roll']);
    expect((await on(0, 'sendOfficer', `/cases/${caseId}`)).body.stage).toBe('deleted_from_roll');

    const db = shape.database.db;
    const actions = async (id: string) => (await db.auditEntry.findMany({ where: { caseId: id }, orderBy: { id: 'asc' } })).map((entry) => entry.action);
    expect(await actions(missing)).toEqual(expect.arrayContaining(['case_opened', 'contact_attempt', 'safeguarding_referral', 'case_closed']));
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['case_opened', 'la_consent_requested', 'la_consent_granted', 'deletion_confirmed']));
    expect((await verifyAuditChains(db)).problems).toEqual([]);
    allCases.push(missing, caseId);
  }, 180_000);

  it('a history service process SIGKILLed mid-burst and started again', async () => {
    await burstSurvives(async () => {
      await shape.temporal.kill('history');
      await sleep(2000);
      shape.temporal.start('history');
    });
  }, 300_000);

  it('a case worker SIGKILLed mid-burst (two of three go on; a replacement starts)', async () => {
    await burstSurvives(async () => {
      shape.workers[0]?.kill('SIGKILL');
      shape.startWorker();
    });
  }, 300_000);

  it('an API replica SIGKILLed while decisions are in flight: callers retry on the other', async () => {
    const first = await burstSurvives(async () => {
      shape.killApi(0);
    });
    expect(first.filter((answer) => answer === 'connection lost').length).toBeGreaterThan(0);
    await shape.startApi(0);
  }, 300_000);

  it("Temporal's PostgreSQL crashed mid-burst and started again", async () => {
    await burstSurvives(() => shape.temporal.restartPostgres(2000));
  }, 300_000);

  /**
   * Four cases opened beforehand, then the burst: six new reports and a safeguarding referral (a decision that
   * tells two parties) on each of the four, spread over both replicas. The fault strikes once some of the burst
   * is on record; callers then retry everything with the same ids until answered.
   */
  async function burstSurvives(fault: () => Promise<void>): Promise<Answer[]> {
    const decided: string[] = [];
    for (let i = 0; i < 4; i += 1) decided.push((await shape.retrying('oakSchool', '/concerns', nextReport())).body.caseId as string);
    const requests: { user: TestUser; route: string; body: unknown }[] = [
      ...Array.from({ length: 6 }, () => ({ user: 'oakSchool' as const, route: '/concerns', body: nextReport() })),
      ...decided.map((caseId) => ({ user: 'cmeOfficer' as const, route: `/cases/${caseId}/safeguarding-concerns`, body: { concern: 'missing_child', referralId: uuid(2, (serial += 1)) } })),
    ];
    const db = shape.database.db;
    const known = [...allCases, ...decided];
    const onRecord = () => db.auditEntry.count({ where: { OR: [{ action: 'case_opened', caseId: { notIn: known } }, { action: 'safeguarding_referral', caseId: { in: decided } }] } });
    const firstTry = Promise.all(requests.map((request, i) => shape.call(i % shape.apiCount, request.user, request.route, request.body)));
    let recorded = 0;
    while (recorded === 0) {
      await sleep(25);
      recorded = await onRecord();
    }
    const struck = Date.now();
    await fault();
    expect(recorded).toBeLessThan(requests.length);
    const first = await firstTry;

    const settled = await Promise.all(requests.map((request) => shape.retrying(request.user, request.route, request.body, { withinMs: RECOVERY_MS })));
    expect(Date.now() - struck).toBeLessThan(RECOVERY_MS);
    expect(settled.map((answer) => [answer.status === 201 ? 200 : answer.status, answer.body.error?.code])).toEqual(requests.map(() => [200, undefined]));
    const opened = settled.slice(0, 6).map((answer) => answer.body.caseId as string);
    expect(new Set(opened).size).toBe(6);
    allCases.push(...decided, ...opened);
    await expectEachOnce([...decided, ...opened], decided);
    return first;
  }

  /** Every case once, every decision once, every notification once and sent, every audit chain intact. */
  async function expectEachOnce(caseIds: string[], decided: string[]): Promise<void> {
    const db = shape.database.db;
    expect(await db.case.count({ where: { id: { in: caseIds }, stage: 'awaiting_reason' } })).toBe(caseIds.length);
    const perCase = async (action: string) =>
      (await db.auditEntry.groupBy({ by: ['caseId'], where: { action, caseId: { in: caseIds } }, _count: { _all: true }, orderBy: { caseId: 'asc' } })).map((row) => [row.caseId, row._count._all]);
    expect(await perCase('case_opened')).toEqual([...caseIds].sort().map((id) => [id, 1]));
    expect(await perCase('safeguarding_referral')).toEqual([...decided].sort().map((id) => [id, 1]));
    // Each case told the LA once; each referral told social care and the police once.
    const outbox = await db.notification.findMany({ where: { caseId: { in: caseIds } } });
    const keys = outbox.map((n) => `${n.caseId}:${n.template}:${n.recipient}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(outbox).toHaveLength(caseIds.length + decided.length * 2);
    expect(outbox.filter((n) => n.status !== 'sent')).toEqual([]);
    expect((await verifyAuditChains(db)).problems).toEqual([]);
    // One workflow per case, none started twice: Temporal's visibility (on its PostgreSQL) agrees with our records.
    expect(await eventually(async () => (await shape.client.workflow.count(`TaskQueue = "${TASK_QUEUE}"`)).count, allCases.length)).toBe(allCases.length);
  }
});

function uuid(kind: number, n: number): string {
  return `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

async function statusOf(answer: Promise<Answer>): Promise<number | string> {
  const settled = await answer;
  return settled === 'connection lost' ? settled : settled.status;
}

/** Visibility is eventually consistent: read until the expected value shows, for at most ten seconds. */
async function eventually(read: () => Promise<number>, expected: number): Promise<number> {
  let value = await read();
  for (let attempt = 0; attempt < 40 && value !== expected; attempt += 1) {
    await sleep(250);
    value = await read();
  }
  return value;
}
