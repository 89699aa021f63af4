import { categoryOf, reasonCodeRefusals, reasonShowsAttendance, returnDateRefusals } from '../../domain/absence-resolved';

describe('T1 (SAR24 reg 10(7)-(9) [S]): the code that replaces N, and the day a child came back', () => {
  it('takes any 2024 code that can be a pupil\'s reason but N, naming reasonCode', () => {
    expect(reasonCodeRefusals('I')).toEqual([]);
    expect(reasonCodeRefusals('C1')).toEqual([]);
    expect(reasonCodeRefusals('D')).toEqual([]);
    expect(reasonCodeRefusals('X')).toEqual([]);
    // WTISA 2024 code list [S]: Z (not yet on roll) and # (planned school closure) are not one pupil's reason.
    expect(reasonCodeRefusals('Z')).toEqual([expect.stringMatching(/^reasonCode: Z is for a child not yet on the admission register/)]);
    expect(reasonCodeRefusals('#')).toEqual([expect.stringMatching(/^reasonCode: # is for a planned closure/)]);
    expect(reasonCodeRefusals('N')).toEqual([expect.stringMatching(/^reasonCode: N is the code for a reason not yet established \(T1\)/)]);
    expect(reasonCodeRefusals('PT')).toEqual([expect.stringMatching(/^reasonCode: PT is not one of the attendance codes/)]);
  });

  it('a present code means the child was attending; an absence code leaves the child away for a known reason', () => {
    expect(reasonShowsAttendance(categoryOf('L'))).toBe(true);
    expect(reasonShowsAttendance(categoryOf('B'))).toBe(true);
    expect(reasonShowsAttendance(categoryOf('I'))).toBe(false);
    expect(reasonShowsAttendance(categoryOf('G'))).toBe(false);
  });

  it('a return falls between the day the case opened and today', () => {
    const facts = { openedOn: '2026-11-02', today: '2026-12-02' };
    expect(returnDateRefusals({ ...facts, returnedOn: '2026-11-02' })).toEqual([]);
    expect(returnDateRefusals({ ...facts, returnedOn: '2026-12-02' })).toEqual([]);
    expect(returnDateRefusals({ ...facts, returnedOn: '2026-12-03' })).toEqual([expect.stringMatching(/^returnedOn: 2026-12-03 is in the future/)]);
    expect(returnDateRefusals({ ...facts, returnedOn: '2026-11-01' })).toEqual([expect.stringMatching(/^returnedOn: 2026-11-01 is before the case opened on 2026-11-02/)]);
    expect(returnDateRefusals({ ...facts, returnedOn: '2026-02-30' })).toEqual([expect.stringMatching(/^returnedOn: .* not a date/)]);
  });
});
