import { englandDateOf } from '../../domain/calendar/england-time';
import { advanceSupportStage, closeCase, getCaseState, recordNewPupilReturn, recordTraceStep, requestDeletion, serveS437Notice, signJointEnquiries } from '../../workflows/case-messages';
import { actors, refusal, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

const DAY = 24 * 60 * 60 * 1000;

describe('support first, then CME tracing and s437 (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('SUPPORT-REVIEW (WTISA stages, no statutory timeline: G5, local): stages move by judgement, reviews recur, enforcement is the LA\'s', async () => {
    const fakes = fakeActivities({ policy: { 'SUPPORT-REVIEW': 10 } });
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        expect((await handle.query(getCaseState)).support?.stage).toBe('monitor');
        await handle.executeUpdate(advanceSupportStage, { args: [{ actor: actors.school, to: 'listen_and_understand', reason: 'meeting with family booked' }] });
        await expect(handle.executeUpdate(advanceSupportStage, { args: [{ actor: actors.school, to: 'enforce', reason: 'no engagement' }] })).rejects.toMatchObject(rejection(/^actor.role: only the LA/));
        await expect(handle.executeUpdate(advanceSupportStage, { args: [{ actor: actors.school, to: 'listen_and_understand', reason: 'again' }] })).rejects.toMatchObject(rejection(/already at/));
        await expect(handle.executeUpdate(advanceSupportStage, { args: [{ actor: actors.sendOfficer, to: 'facilitate_support', reason: 'x' }] })).rejects.toMatchObject(rejection(/^actor.role/));

        await env().sleep(30 * DAY);
        const reviews = fakes.notifications.filter((n) => n.template === 'support_review_due');
        expect(reviews.map((n) => n.recipient).slice(0, 2)).toEqual(['school:100001', 'la_cme_officer:938']);
        expect((await handle.query(getCaseState)).deadlines.map((d) => d.kind)).toEqual(['support_review']);

        await handle.executeUpdate(advanceSupportStage, { args: [{ actor: actors.cmeOfficer, to: 'enforce', reason: 'support offered and refused over two terms' }] });
        expect(fakes.notifications.at(-1)).toMatchObject({ recipient: 'la_cme_officer:938', template: 'support_enforce' });
        expect(fakes.events.filter((e) => e.action === 'support_stage_changed').map((e) => e.detail?.to)).toEqual(['listen_and_understand', 'enforce']);
      },
      'persistent_absence_send',
    );
  });

  it('CME-OPEN (EA96 s436A [P]) and S437-NOTICE (EA96 s437 [S]): a child not found is traced; an unanswered notice leads the LA to consider an attendance order', async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.school, outcome: 'not_found' }] });
      await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.cmeOfficer, outcome: 'not_found' }] });
      const deletion = await handle.executeUpdate(requestDeletion, {
        args: [{ requestId: 'd-1', actor: actors.school, ground: 'I', deleteOn: englandDateOf(new Date()), evidence: { absentFrom: '2026-11-02', absentTo: '2026-11-27', sessionCodes: ['N', 'O'], sicknessOrUnavoidableCauseBelieved: false } }],
      });
      expect(deletion.status).toBe('confirmed');
      expect((await handle.query(getCaseState)).stage).toBe('cme_tracing');
      expect(fakes.notifications.at(-1)).toMatchObject({ template: 'cme_opened', ruleId: 'CME-OPEN' });

      await expect(handle.executeUpdate(recordTraceStep, { args: [{ actor: actors.cmeOfficer, step: 'other_la_contacted' }] })).rejects.toMatchObject(refusal(/^otherLaCode: the 3-digit code/));
      // CME-OPEN (EA96 s436A): every failing condition at once; this LA's own code names no other LA.
      await expect(handle.executeUpdate(recordTraceStep, { args: [{ actor: actors.cmeOfficer, step: 'seance' as 'agency_checked', otherLaCode: '938' }] })).rejects.toMatchObject(
        refusal(/^step: unknown trace step seance/, /^otherLaCode: 938 is this case's own LA/),
      );
      await handle.executeUpdate(recordTraceStep, { args: [{ actor: actors.cmeOfficer, step: 'other_la_contacted', otherLaCode: '926' }] });
      await handle.executeUpdate(recordTraceStep, { args: [{ actor: actors.cmeOfficer, step: 'lost_pupils_database_checked' }] });
      expect(fakes.notifications.at(-1)).toMatchObject({ recipient: 'la_cme_officer:926', template: 'cross_border_enquiry' });
      expect((await handle.query(getCaseState)).trace?.map((t) => t.step)).toEqual(['other_la_contacted', 'lost_pupils_database_checked']);

      const notice = await handle.executeUpdate(serveS437Notice, { args: [{ actor: actors.cmeOfficer, noticeId: 'N-2026-1' }] });
      expect(Date.parse(notice!.respondBy) - Date.parse(notice!.servedAt)).toBeGreaterThan(14 * DAY - 2 * DAY);
      await expect(handle.executeUpdate(serveS437Notice, { args: [{ actor: actors.cmeOfficer, noticeId: 'N-2026-2' }] })).rejects.toMatchObject(rejection(/already running/));
      await env().sleep(16 * DAY);
      expect(fakes.notifications.at(-1)).toMatchObject({ template: 'consider_school_attendance_order', ruleId: 'S437-NOTICE' });

      await handle.executeUpdate(closeCase, { args: [{ actor: actors.manager, outcome: 'school_attendance_order', reason: 'SAO issued naming Ash High' }] });
      await handle.result();
      await recordHistory('cme-traced-s437-attendance-order', handle);
    });
  });

  it('TRIGGER-T15 (EA96 s436A [P]; Blackburn, Bradford [S]): a child on no roll is traced by the LA; nothing school-bound applies; found on a roll, the case closes', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        const state = await handle.query(getCaseState);
        expect(state).toMatchObject({ stage: 'cme_tracing', trace: [] });
        expect(state.schoolUrn).toBeUndefined();
        expect(fakes.notifications.map((n) => [n.recipient, n.ruleId])).toEqual([['la_cme_officer:938', 'TRIGGER-T15']]);

        // No roll, so no deletion and no joint school + LA enquiries.
        await expect(handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ground: 'A', deleteOn: englandDateOf(new Date()), evidence: { newSchoolName: 'Ash High', saoNamesThisSchool: false, mobileChildWithMainSchoolHere: false, dualRegistrationAgreed: false } }] })).rejects.toMatchObject(rejection(/^actor.schoolUrn/));
        await expect(handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.cmeOfficer, outcome: 'not_found' }] })).rejects.toMatchObject(rejection(/^stage/));

        await handle.executeUpdate(recordTraceStep, { args: [{ actor: actors.cmeOfficer, step: 'home_visit_made' }] });
        await handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: actors.otherSchool, newSchoolUrn: actors.otherSchool.schoolUrn, registeredOn: englandDateOf(new Date()) }] });
        expect((await handle.query(getCaseState)).outcome).toBe('on_roll_elsewhere');
        // Only the LA hears: there is no old school to tell.
        expect(fakes.notifications.slice(1).map((n) => n.recipient)).toEqual(['la_cme_officer:938']);
        expect(fakes.events.at(-1)).toMatchObject({ action: 'case_closed', outcome: 'on_roll_elsewhere' });
        expect(fakes.events.every((e) => e.schoolUrn === undefined)).toBe(true);
        await handle.result();
        await recordHistory('referral-no-roll-found', handle);
      },
      'referral_no_roll',
      { schoolUrn: undefined },
    );
  });

  it("NEW-PUPIL-RETURN (SAR24 reg 13(1) [P]): the case itself refuses its own school's return and a future registration, and a close with every failing condition", async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      // A month after the case opened, by the case's own clock (earlier tests have moved the time-skipping clock on).
      const openedAt = (await handle.query(getCaseState)).openedAt ?? '';
      const inAMonth = englandDateOf(new Date(Date.parse(openedAt) + 30 * DAY));
      await expect(handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: actors.school, newSchoolUrn: actors.school.schoolUrn, registeredOn: inAMonth }] })).rejects.toMatchObject(
        refusal(/^schoolUrn: 100001 is the school of the child's open case.*back-in-school/, /^registeredOn: .* is in the future/),
      );
      await expect(handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: actors.otherSchool, newSchoolUrn: actors.otherSchool.schoolUrn, registeredOn: inAMonth }] })).rejects.toMatchObject(
        refusal(/^registeredOn: /),
      );
      await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'vanished' as 'moved_abroad', reason: ' ' }] })).rejects.toMatchObject(
        refusal(/^outcome: unknown outcome vanished/, /^reason: is required/),
      );
      expect(fakes.events.map((e) => e.action)).not.toContain('case_closed');
      await handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: actors.otherSchool, newSchoolUrn: actors.otherSchool.schoolUrn, registeredOn: englandDateOf(new Date(openedAt)) }] });
      expect((await handle.query(getCaseState)).outcome).toBe('on_roll_elsewhere');
    });
  });
});
