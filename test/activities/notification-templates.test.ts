import { ApplicationFailure } from '@temporalio/common';
import { renderNotification, type RenderInput } from '../../activities/notifications/templates';

/** Data minimisation: each recipient kind gets only what its role needs; personal data only in the LA's deletion return. */
describe('notification templates per recipient', () => {
  const caseId = '5b7c2a4e-9f3d-4c1a-8e2b-1d6f0a9c3e71';
  const facts = { laCode: '938', schoolUrn: '100001', stage: 'whereabouts_check' };
  const deletionReturn = { regulation: 'SAR24 reg 13(4)', upn: 'B801200005001', child: { name: 'Zebedee Quixote', address: '1 Juniper Row, Bracknell' } };
  const render = (recipient: string, template: string, extra: Partial<RenderInput> = {}) =>
    renderNotification({ message: { caseId, recipient, template, ruleId: 'T2' }, facts, publicUrl: 'https://cme.example/', ...extra });

  it('gives the case\'s own LA the case: link, stage, school and rule', () => {
    const { data, subject, text } = render('la_cme_officer:938', 'case_opened:continuous_unauthorised_absence');
    expect(data).toEqual({
      reference: caseId,
      event: 'case_opened',
      code: 'continuous_unauthorised_absence',
      ruleId: 'T2',
      caseUrl: `https://cme.example/ui/#/cases/${caseId}`,
      stage: 'whereabouts_check',
      laCode: '938',
      schoolUrn: '100001',
    });
    expect(subject).toBe(`[CME] A case has been opened (T2), case ${caseId}`);
    expect(text).toContain('schoolUrn: 100001');
  });

  it('gives another LA a reference and who asks; no school, stage or link', () => {
    expect(render('la_cme_officer:926', 'cross_border_enquiry').data).toEqual({ reference: caseId, event: 'cross_border_enquiry', ruleId: 'T2', requestingLa: '938' });
  });

  it('gives a school its own case\'s event and nothing about another school', () => {
    const { data } = render('school:100001', 'child_on_roll_elsewhere', { facts: { ...facts, schoolUrn: '100002' } });
    expect(data).toEqual({ reference: caseId, event: 'child_on_roll_elsewhere', ruleId: 'T2', caseUrl: `https://cme.example/ui/#/cases/${caseId}`, schoolUrn: '100001' });
    expect(JSON.stringify(data)).not.toContain('100002');
  });

  it.each(['police:938', 'childrens_social_care:938', 'social_worker_of_child:938', 'yot_worker_of_child:938'])(
    'gives %s the reference, the concern and whom to ask at the LA: no school, stage or link',
    (recipient) => {
      const { data } = render(recipient, 'safeguarding_missing_child');
      expect(data).toEqual({ reference: caseId, event: 'safeguarding', code: 'missing_child', ruleId: 'T2', laCode: '938', contact: 'the CME officer of LA 938' });
    },
  );

  it('puts the reg 13(4) data in the deletion return to the own LA only, never in its subject', () => {
    const toLa = render('la_cme_officer:938', 'deletion_return', { deletionReturn });
    expect(toLa.data.deletionReturn).toEqual(deletionReturn);
    expect(toLa.text).toContain('1 Juniper Row, Bracknell');
    expect(toLa.subject).not.toMatch(/Zebedee|Quixote|Juniper|B801200005001/);
    // Another template never carries the return, even if one were passed.
    expect(render('la_cme_officer:938', 'deletion_confirmed', { deletionReturn }).data).not.toHaveProperty('deletionReturn');
  });

  it.each(['school:100001', 'police:938', 'childrens_social_care:938', 'la_cme_officer:926'])('refuses a deletion return to %s for good', (recipient) => {
    let failure: unknown;
    try {
      render(recipient, 'deletion_return', { deletionReturn });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
  });

  it('refuses an unknown recipient, and links nothing without PUBLIC_URL', () => {
    expect(() => render('press:938', 'case_opened:no_show')).toThrow('unknown recipient press:938');
    expect(renderNotification({ message: { caseId, recipient: 'school:100001', template: 'deletion_confirmed' }, facts }).data).not.toHaveProperty('caseUrl');
  });
});
