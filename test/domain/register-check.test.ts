import { addCalendarDays } from '../../domain/calendar/iso-date';
import { checkAgainstRegister, claimedAbsence, describeAttestedOnly, type StoredMark } from '../../domain/deletion/register-check';
import { fixtureCalendar, storedMarks } from '../fixtures/calendar';
import { validEvidence } from '../fixtures/ground-evidence';

const calendar = fixtureCalendar();
const today = '2026-12-01';

const withMark = (marks: StoredMark[], change: StoredMark) => marks.map((m) => (m.date === change.date && m.session === change.session ? change : m));

// 2 to 27 November 2026: twenty school days of the fixture calendar.
const groundI = claimedAbsence({ ground: 'I', deleteOn: today, evidence: { ...validEvidence.I, absentFrom: '2026-11-02', absentTo: '2026-11-27', sessionCodes: ['O'] } })!;
const groundH = claimedAbsence({ ground: 'H', deleteOn: today, evidence: { ...validEvidence.H, leaveEndedOn: '2026-11-13' } })!;

describe('GROUND-I (SAR24 reg 9(1)(i) [S]): the claimed period checked against the marks the register holds', () => {
  it('a period whose stored marks are all G, N or O is not contradicted, and nothing rests on attestation alone', () => {
    const marks = [...storedMarks('2026-11-02', '2026-11-13', 'N'), ...storedMarks('2026-11-16', '2026-11-27', 'O')];
    expect(checkAgainstRegister(groundI, marks, calendar, today)).toEqual({ contradictions: [], attestedOnly: [] });
  });

  it('a stored I (illness, authorised) in a period claimed as O contradicts the ground, naming date, session and code', () => {
    const marks = withMark(storedMarks('2026-11-02', '2026-11-27', 'O'), { date: '2026-11-10', session: 'PM', code: 'I' });
    expect(checkAgainstRegister(groundI, marks, calendar, today).contradictions).toEqual([
      'the register holds I for the PM session of Tue 10 Nov 2026 (2026-11-10): every session of a ground I period must be G, N, O (GROUND-I)',
    ]);
  });

  it('a / (present) on the first day of the period contradicts the ground', () => {
    const marks = withMark(storedMarks('2026-11-02', '2026-11-27', 'O'), { date: '2026-11-02', session: 'AM', code: '/' });
    expect(checkAgainstRegister(groundI, marks, calendar, today).contradictions).toEqual([expect.stringMatching(/^the register holds \/ for the AM session of Mon 2 Nov 2026 \(2026-11-02\)/)]);
  });

  it('U (unauthorised, late after registers closed) breaks a ground I period too: only G, N, O keep it', () => {
    const marks = withMark(storedMarks('2026-11-02', '2026-11-27', 'N'), { date: '2026-11-20', session: 'AM', code: 'U' });
    expect(checkAgainstRegister(groundI, marks, calendar, today).contradictions).toHaveLength(1);
  });

  it('marks outside the period or on a day the school does not meet do not count', () => {
    const marks = [...storedMarks('2026-11-02', '2026-11-27', 'G'), { date: '2026-10-30', session: 'AM', code: '/' }, { date: '2026-11-30', session: 'AM', code: '/' }, { date: '2026-11-07', session: 'AM', code: '#' }];
    expect(checkAgainstRegister(groundI, marks, calendar, today).contradictions).toEqual([]);
  });

  it('many contradicting sessions: the first ten are named, then how many more', () => {
    const contradictions = checkAgainstRegister(groundI, storedMarks('2026-11-02', '2026-11-27', '/'), calendar, today).contradictions;
    expect(contradictions).toHaveLength(11);
    expect(contradictions.at(-1)).toBe('and 30 more sessions the register holds contradict ground I');
  });

  it('school days the register holds no (or half a day of) marks for rest on the attestation alone, as runs of school days', () => {
    const marks = [...storedMarks('2026-11-02', '2026-11-13', 'N'), { date: '2026-11-18', session: 'AM', code: 'N' }, ...storedMarks('2026-11-19', '2026-11-25', 'N')];
    const { contradictions, attestedOnly } = checkAgainstRegister(groundI, marks, calendar, today);
    expect(contradictions).toEqual([]);
    expect(describeAttestedOnly(attestedOnly)).toBe('2026-11-16 to 2026-11-18 (3 school days); 2026-11-26 to 2026-11-27 (2 school days)');
  });
});

describe('GROUND-H (SAR24 reg 9(1)(h) [S]; PRR06 reg 8(1)(f) [P]): no return after the leave ended, checked against the register', () => {
  it('the period runs from the day after the leave ended up to today', () => {
    expect(groundH).toEqual({ ground: 'H', from: '2026-11-14' });
    expect(checkAgainstRegister(groundH, storedMarks('2026-11-13', '2026-11-13', '/'), calendar, today).contradictions).toEqual([]);
  });

  it('a present mark after the leave ended contradicts the ground', () => {
    const marks = withMark(storedMarks('2026-11-16', '2026-12-01', 'N'), { date: '2026-11-24', session: 'AM', code: '/' });
    expect(checkAgainstRegister(groundH, marks, calendar, today).contradictions).toEqual([
      'the register holds / for the AM session of Tue 24 Nov 2026 (2026-11-24), after the leave ended: the pupil attended or was excused (GROUND-H)',
    ]);
  });

  it.each(['L', 'B', 'I', 'M', 'C'])('%s (late, approved activity or an authorised absence) after the leave ended contradicts it', (code) => {
    const marks = withMark(storedMarks('2026-11-16', '2026-12-01', 'O'), { date: '2026-11-30', session: 'PM', code });
    expect(checkAgainstRegister(groundH, marks, calendar, today).contradictions).toHaveLength(1);
  });

  it('unauthorised absence (G, N, O, U) does not', () => {
    const marks = ['G', 'N', 'O', 'U'].map((code, i) => ({ date: addCalendarDays('2026-11-16', i), session: 'AM', code }));
    expect(checkAgainstRegister(groundH, marks, calendar, today).contradictions).toEqual([]);
  });

  it('with no marks held (a school not yet on the feed) the attestation stands for every school day of the period', () => {
    const { contradictions, attestedOnly } = checkAgainstRegister(groundH, [], calendar, today);
    expect(contradictions).toEqual([]);
    expect(describeAttestedOnly(attestedOnly)).toBe('2026-11-16 to 2026-12-01 (12 school days)');
  });
});
