import { newPupilReturnRefusals } from '../../domain/new-pupil-return';

const today = '2026-12-02';

describe('NEW-PUPIL-RETURN (SAR24 reg 13(1) [P]): when a return means the child is on roll elsewhere', () => {
  it('takes a return from another school for a registration up to today, or for a child on no roll', () => {
    expect(newPupilReturnRefusals({ newSchoolUrn: '100002', registeredOn: today, caseSchoolUrn: '100001', today })).toEqual([]);
    expect(newPupilReturnRefusals({ newSchoolUrn: '100002', registeredOn: '2026-11-30', today })).toEqual([]);
  });

  it("refuses the case's own school, naming the school's back-in-school step", () => {
    expect(newPupilReturnRefusals({ newSchoolUrn: '100001', registeredOn: today, caseSchoolUrn: '100001', today })).toEqual([
      expect.stringMatching(/^schoolUrn: 100001 .*not on roll elsewhere.*recorded by the school on the case \(POST \/v1\/cases\/\{caseId\}\/back-in-school\)$/),
    ]);
  });

  it('refuses a registration after today, and gives every reason at once', () => {
    expect(newPupilReturnRefusals({ newSchoolUrn: '100002', registeredOn: '2026-12-03', caseSchoolUrn: '100001', today })).toEqual([
      'registeredOn: 2026-12-03 is in the future (today is 2026-12-02 in England); a return follows the registration',
    ]);
    expect(newPupilReturnRefusals({ newSchoolUrn: '100001', registeredOn: '2027-01-04', caseSchoolUrn: '100001', today })).toHaveLength(2);
  });
});
