import type { Notifier, OutboundNotification } from '../../activities/notifications/notifier';
import { englandDateOf } from '../../domain/calendar/england-time';
import { recordNewPupilReturn } from '../../workflows/case-messages';
import { actors } from '../helpers/case-harness';
import { recordHistory } from '../helpers/histories';
import { eventually, useRecordedCases } from '../helpers/recorded-cases';

const OAK = '100001';

/**
 * Issue #6, no decision held hostage by a transport, and issue 12 item 1, notifications leave the workflow as outbox
 * rows (patched: notification-outbox): a case enqueues its step's notifications and goes on; the worker's dispatcher
 * sends them, the school's once it can be reached, exactly once. Cases begun before the outbox keep their lanes
 * (test/histories/notification-lane-after-failure.json replays them). Time-skipping server, real database.
 */
describe('notifications through the outbox (time-skipping server, real database, the worker\'s dispatcher)', () => {
  let schoolReachable = false;
  let schoolAttempts = 0;
  const sent: OutboundNotification[] = [];
  const notifier: Notifier = {
    send: async (message) => {
      if (message.recipient === `school:${OAK}`) {
        schoolAttempts += 1;
        if (!schoolReachable) throw new Error('smtp 421');
      }
      sent.push(message);
    },
  };
  const { db, withRecordedCase } = useRecordedCases(notifier);

  beforeAll(async () => {
    await db().school.createMany({ data: [{ urn: OAK, name: 'Oak Primary', laCode: '938' }, { urn: actors.otherSchool.schoolUrn, name: 'Elm Academy', laCode: '938' }] });
  });

  it('answers a closing decision and ends the case while the school cannot be reached, then tells the school once', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: OAK } });
    await withRecordedCase({ id: pupil.id, schoolUrn: OAK }, 'unexplained_absence', async (handle, caseId) => {
      const newSchool = actors.otherSchool;
      const stage = await handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: newSchool, newSchoolUrn: newSchool.schoolUrn, registeredOn: englandDateOf(new Date()) }] });
      expect(stage).toBe('closed');
      // Nothing to wait for: the notifications are rows in the outbox.
      await handle.result();
      const rows = () => db().notification.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
      const told = await eventually(rows, (all) => all.filter((row) => row.status === 'sent').length === 2);
      expect(told.map((row) => [row.recipient, row.status])).toEqual([
        ['la_cme_officer:938', 'sent'],
        ['la_cme_officer:938', 'sent'],
        [`school:${OAK}`, 'pending'],
      ]);
      expect(await eventually(async () => schoolAttempts, (attempts) => attempts >= 1)).toBeGreaterThanOrEqual(1);

      schoolReachable = true;
      const after = await eventually(rows, (all) => all.every((row) => row.status === 'sent'), 150);
      expect(after.every((row) => row.status === 'sent')).toBe(true);
      const keys = sent.filter((message) => message.caseId === caseId).map((message) => message.idempotencyKey.split(':').slice(1, 3).join(':'));
      expect(keys).toEqual(['case_opened:laCmeOfficer', 'new_pupil_return:laCmeOfficer', 'new_pupil_return:school']);
      await recordHistory('notification-outbox-closing', handle);
    });
  });
});
