import { openApiDocument } from '../../api/openapi/document';
import { referralBody } from '../../intake/requests';
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

describe('URN, UPN and LA code fields: checked as sent, as the document publishes them', () => {
  type Schema = { pattern?: string; properties?: Record<string, Schema> };
  const referral = (openApiDocument() as unknown as { paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: Schema } } } } }> }).paths['/v1/referrals']!.post.requestBody.content['application/json'].schema;
  /** What the document says of the value, read as JSON Schema reads a pattern (ECMA-262). */
  const published = (field: Schema | undefined) => new RegExp(field?.pattern ?? 'no pattern published');
  const sent = (body: Record<string, unknown>) => referralBody.safeParse({ laCode: '938', referrer: { kind: 'public' }, child: { givenName: 'A', familyName: 'B' }, ...body }).success;

  it.each([
    ['laCode', published(referral.properties?.laCode), '938', [' 938', '938\t', '938\n'], (laCode: string) => sent({ laCode })],
    ['upn', published(referral.properties?.upn), 'B801200005001', [' B801200005001', 'B801200005001 ', 'b801200005001'], (upn: string) => sent({ upn })],
    ['child.newSchoolUrn', published(referral.properties?.child?.properties?.newSchoolUrn), '100001', [' 100001', '100001 ', '100001\n'], (newSchoolUrn: string) => sent({ child: { givenName: 'A', familyName: 'B', newSchoolUrn } })],
  ] as const)('%s: padding or lower case is refused by the code and by the published pattern alike', (_field, pattern, good, bad, accepted) => {
    expect({ code: accepted(good), document: pattern.test(good) }).toEqual({ code: true, document: true });
    for (const value of bad) expect({ value, code: accepted(value), document: pattern.test(value) }).toEqual({ value, code: false, document: false });
  });
});
