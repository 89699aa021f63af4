import { isValidLaCode, isValidUpn, isValidUrn, upnCheckLetter } from '../../domain/identifiers';

// Source: UK Government Data Standards Catalogue, "Unique Pupil Number" v2.0 [P]; worked examples in
// docs/law.md A4.
describe('UPN check letter (DfE UPN standard v2.0)', () => {
  it.each([
    ['B801200005001', 'permanent UPN, python-stdnum doctest example (sum 93, mod 23 = 1 -> B)'],
    ['D93812340012A', 'temporary UPN ending in a letter (sum 164, mod 23 = 3 -> D)'],
    ['P207000016049', "Arbor's example with the corrected letter (sum 266, mod 23 = 13 -> P)"],
  ])('accepts %s: %s', (upn) => {
    expect(isValidUpn(upn)).toBe(true);
  });

  it.each([
    ['Q207000016049', "Arbor's published letter, which is wrong"],
    ['A801200005001', 'wrong check letter'],
    ['B80120000500', '12 characters'],
    ['B8012000050011', '14 characters'],
    ['b801200005001', 'lower-case check letter'],
    ['B80120000500I', 'temporary letter I is never used'],
    ['B8012000X5001', 'letter inside the digits'],
  ])('rejects %s: %s', (upn) => {
    expect(isValidUpn(upn)).toBe(false);
  });

  it('computes the check letter from the twelve characters after it', () => {
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(upnCheckLetter('93812340012A')).toBe('D');
  });
});

describe('URN and LA code shapes (docs/law.md A4)', () => {
  it('URN is six digits', () => {
    expect(isValidUrn('100001')).toBe(true);
    expect(isValidUrn('10001')).toBe(false);
    expect(isValidUrn('10000a')).toBe(false);
  });

  it('LA code is three digits', () => {
    expect(isValidLaCode('938')).toBe(true);
    expect(isValidLaCode('93')).toBe(false);
    expect(isValidLaCode('E06')).toBe(false);
  });
});
