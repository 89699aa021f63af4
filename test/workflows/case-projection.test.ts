import { isDeepStrictEqual } from 'node:util';
import type { WorkflowHandle } from '@temporalio/client';
import { writeCaseProjection } from '../../activities/case-projection';
import { englandDateOf } from '../../domain/calendar/england-time';
import type { CaseState } from '../../domain/case';
import type { caseWorkflow } from '../../workflows';
import {
  advanceSupportStage,
  closeCase,
  getCaseState,
  raiseSafeguardingConcern,
  recordContactAttempt,
  recordNewPupilReturn,
  recordReasonEstablished,
  recordSosDirection,
  recordTraceStep,
  refuseLaConsent,
  reportConcern,
  requestDeletion,
  serveS437Notice,
  signJointEnquiries,
} from '../../workflows/case-messages';
import { actors } from '../helpers/case-harness';
import { recordHistory } from '../helpers/histories';
import { eventually, schoolActor, useRecordedCases } from '../helpers/recorded-cases';

const DAY = 24 * 60 * 60 * 1000;
const OAK = '100001';
const BIRCH = '100003';
type Handle = WorkflowHandle<typeof caseWorkflow>;

/**
 * Issue 12 item 3: GET /v1/cases/{id} reads the case's projection, not the workflow. After every kind of step
 * (open, each decision, each clock that runs out, close, continue-as-new) the projection row holds exactly what
 * the workflow's own query answers (time-skipping server, real activities and database).
 */
describe('the case projection agrees with the workflow after every step (time-skipping, real database)', () => {
  const { env, db, now, withRecordedCase } = useRecordedCases();

  beforeAll(async () => {
    await db().school.createMany({ data: [{ urn: BIRCH, name: 'Birch Special School', laCode: '938', isSpecial: true }, { urn: OAK, name: 'Oak Primary', laCode: '938' }] });
  });

  const projection = (caseId: string) => db().caseProjection.findUnique({ where: { caseId } });

  /**
   * The workflow's state and the projection, once the step's activities are done (a clock's step finishes a moment
   * after the skipped timer fires); the projection's version must have grown since `after`.
   */
  async function agrees(handle: Handle, caseId: string, after: number): Promise<{ state: CaseState; version: number }> {
    const read = async () => ({ state: await handle.query(getCaseState), row: await projection(caseId) });
    const { state, row } = await eventually(read, ({ state, row }) => isDeepStrictEqual(row?.state, state));
    expect(row?.state).toEqual(state);
    expect(row?.version).toBeGreaterThan(after);
    return { state, version: row?.version ?? 0 };
  }

  /** Skips the server's clock past the case's earliest running clock. */
  const lapse = async (state: CaseState) => env().sleep(Math.max(Date.parse(state.nextDeadline?.at ?? '') - (await now()).getTime(), 0) + DAY);

  it('a mainstream case: open, a concern attached, safeguarding, contact, joint enquiries, a refused deletion, the opening clock, the reason, support and its review clock, close', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: OAK } });
    const school = schoolActor(OAK);
    await withRecordedCase({ id: pupil.id, schoolUrn: OAK }, 'unexplained_absence', async (handle, caseId) => {
      let step = await agrees(handle, caseId, 0);
      await handle.executeUpdate(reportConcern, { args: [{ reportId: 'r-2', reason: 'continuous_absence_20_days', reportedBy: `school:${OAK}` }] });
      step = await agrees(handle, caseId, step.version);
      await handle.executeUpdate(raiseSafeguardingConcern, { args: [{ referralId: 's-1', actor: actors.cmeOfficer, concern: 'has_social_worker' }] });
      step = await agrees(handle, caseId, step.version);
      await handle.executeUpdate(recordContactAttempt, { args: [{ actor: school, attemptId: 'a-1', method: 'phone', outcome: 'no_response' }] });
      step = await agrees(handle, caseId, step.version);
      await handle.executeUpdate(signJointEnquiries, { args: [{ actor: school, outcome: 'found_may_return' }] });
      step = await agrees(handle, caseId, step.version);
      const today = englandDateOf(await now());
      const refused = await handle.executeUpdate(requestDeletion, {
        args: [{ requestId: 'd-1', actor: school, ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: false, educationOtherwiseFrom: today, saoInForce: false } }],
      });
      expect(refused.status).toBe('refused');
      step = await agrees(handle, caseId, step.version);

      // The opening clock (T1) runs out: escalated to the LA, overdue.
      await lapse(step.state);
      step = await agrees(handle, caseId, step.version);
      expect(step.state).toMatchObject({ stage: 'escalated_to_la', overdue: [{ kind: 'opening_clock' }] });

      await handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'I' }] });
      step = await agrees(handle, caseId, step.version);
      await handle.executeUpdate(advanceSupportStage, { args: [{ actor: school, to: 'listen_and_understand', reason: 'family meeting' }] });
      step = await agrees(handle, caseId, step.version);
      const review = step.state.deadlines.find((d) => d.kind === 'support_review');

      // The review clock runs out: the review is recorded, then the next review's clock starts after that record.
      await lapse(step.state);
      step = await agrees(handle, caseId, step.version);
      const next = step.state.deadlines.find((d) => d.kind === 'support_review');
      expect(next && review && next.at > review.at).toBe(true);

      await handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'located_and_attending', reason: 'back at Oak' }] });
      step = await agrees(handle, caseId, step.version);
      expect(step.state).toMatchObject({ stage: 'closed', deadlines: [] });
      await recordHistory('projection-support-review-rescheduled', handle);
    });
  });

  it('a special-school case: consent requested, its reminder and escalation, a review clock with nothing left to do, refusal, direction, s437 and its lapse, a new-pupil return', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: BIRCH, senStatus: 'ehc_plan', placedByLa: true } });
    const school = schoolActor(BIRCH);
    await withRecordedCase({ id: pupil.id, schoolUrn: BIRCH }, 'unexplained_absence', async (handle, caseId) => {
      let step = await agrees(handle, caseId, 0);
      await handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'I' }] });
      step = await agrees(handle, caseId, step.version);
      const today = englandDateOf(await now());
      const receipt = await handle.executeUpdate(requestDeletion, {
        args: [{ requestId: 'd-1', actor: school, ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } }],
      });
      expect(receipt.status).toBe('awaiting_la_consent');
      step = await agrees(handle, caseId, step.version);
      expect(step.state.deadlines.map((d) => d.kind).sort()).toEqual(['consent_escalation', 'consent_reminder', 'support_review']);

      // Each clock in turn: the reminder and the escalation record their step; the review clock, running out while
      // the case waits for consent, does nothing but leave the case's clocks (it is written to the projection alone).
      while (step.state.deadlines.length > 0) {
        await lapse(step.state);
        step = await agrees(handle, caseId, step.version);
      }
      expect(step.state).toMatchObject({ stage: 'awaiting_la_consent', overdue: [{ kind: 'consent_escalation' }] });

      await handle.executeUpdate(refuseLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'needs not met at home' }] });
      step = await agrees(handle, caseId, step.version);
      await handle.executeUpdate(recordSosDirection, { args: [{ actor: actors.cmeOfficer, reference: 'SoS-2026-1' }] });
      step = await agrees(handle, caseId, step.version);
      expect(step.state.stage).toBe('deleted_from_roll');
      await handle.executeUpdate(serveS437Notice, { args: [{ actor: actors.cmeOfficer, noticeId: 'n-1' }] });
      step = await agrees(handle, caseId, step.version);
      await lapse(step.state);
      step = await agrees(handle, caseId, step.version);
      await handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: schoolActor('100009'), newSchoolUrn: '100009', registeredOn: englandDateOf(await now()) }] });
      step = await agrees(handle, caseId, step.version);
      expect(step.state.stage).toBe('closed');
      await recordHistory('projection-review-clock-lapsed-awaiting-consent', handle);
    });
  });

  it('a child on no roll traced across continue-as-new: the version keeps growing in the next run', async () => {
    const pupil = await db().pupil.create({ data: {} });
    await withRecordedCase(
      { id: pupil.id, schoolUrn: undefined },
      'referral_no_roll',
      async (handle, caseId) => {
        const firstRun = (await handle.describe()).runId;
        let step = await agrees(handle, caseId, 0);
        for (const [i, trace] of (['agency_checked', 'lost_pupils_database_checked', 'home_visit_made', 'agency_checked', 'agency_checked'] as const).entries()) {
          await handle.executeUpdate(recordTraceStep, { args: [{ actor: actors.cmeOfficer, step: trace }] });
          step = await agrees(handle, caseId, step.version);
          expect(step.version).toBe(i + 2);
        }
        expect((await handle.describe()).runId).not.toBe(firstRun);
        await handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'moved_abroad', reason: 'confirmed by the other LA' }] });
        step = await agrees(handle, caseId, step.version);
        // Two records at close: the reason the move abroad makes certain (reason capture), then the closing itself.
        expect(step.version).toBe(8);
      },
      { continueAsNewAt: 40 },
    );
  });

  it('never lets an older or retried write overwrite a newer one', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: OAK } });
    const caseId = `guard-${pupil.id}`;
    await db().case.create({ data: { id: caseId, pupilId: pupil.id, laCode: '938', schoolUrn: OAK, stage: 'awaiting_reason', openedAt: new Date() } });
    const state = (stage: CaseState['stage']): CaseState => ({ caseId, pupilId: pupil.id, laCode: '938', stage, concerns: [], deadlines: [], jointEnquiries: {}, refusedDeletions: [], safeguarding: [] });
    await writeCaseProjection(db(), caseId, { version: 2, state: state('escalated_to_la') });
    await writeCaseProjection(db(), caseId, { version: 1, state: state('awaiting_reason') });
    await writeCaseProjection(db(), caseId, { version: 2, state: state('closed') });
    expect(await projection(caseId)).toMatchObject({ version: 2, state: { stage: 'escalated_to_la' } });
    await writeCaseProjection(db(), caseId, { version: 3, state: state('closed') });
    expect(await projection(caseId)).toMatchObject({ version: 3, state: { stage: 'closed' } });
  });
});
