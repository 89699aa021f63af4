import { openApiDocument } from '../../api/openapi/document';
import { textSchema } from '../../domain/field-schemas';
import { childDetailsSchema } from '../../intake/requests';

const refusal = (value: unknown) => {
  const parsed = textSchema(5).safeParse(value);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message);
};

/** Every `pattern` the document publishes, wherever it stands. */
function patternsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(patternsOf);
  if (node === null || typeof node !== 'object') return [];
  const own = typeof (node as { pattern?: unknown }).pattern === 'string' ? [(node as { pattern: string }).pattern] : [];
  return [...own, ...Object.values(node).flatMap(patternsOf)];
}

describe('free text: checked as the document publishes it, stored trimmed', () => {
  it('counts the text as sent, in code points, and stores it trimmed', () => {
    expect(textSchema(5).parse(' abc ')).toBe('abc');
    expect(textSchema(5).parse('😀😀😀😀😀')).toBe('😀😀😀😀😀');
    // Seven characters as sent: over maxLength 5, as the document says, though five once trimmed.
    expect(refusal('  abc  ')).toEqual(['must be at most 5 characters']);
  });

  it('refuses blank text, NUL and a lone surrogate', () => {
    expect(refusal(' \u00a0\u3000\t')).toEqual(['must be text that is not blank, without NUL']);
    expect(refusal('a\u0000')).toEqual(['must be text that is not blank, without NUL']);
    expect(refusal('a\ud800')).toEqual(['must be well-formed Unicode, without lone surrogates']);
  });

  it('publishes the pattern it checks, with no surrogate range an outside regex engine cannot compile', () => {
    const givenName = (childDetailsSchema.shape.givenName.meta() ?? {}) as { pattern?: string; maxLength?: number };
    expect(givenName).toMatchObject({ maxLength: 100 });
    expect(new RegExp(givenName.pattern ?? '').test('  x ')).toBe(true);
    expect(new RegExp(givenName.pattern ?? '').test(' \u2028 ')).toBe(false);
    // Rust's and Python's engines (schemathesis, other JSON Schema tools) cannot hold a surrogate: such a pattern is dropped whole.
    const patterns = patternsOf(openApiDocument());
    expect(patterns.length).toBeGreaterThan(10);
    expect(patterns.filter((pattern) => /\\u[dD][89a-fA-F]/.test(pattern))).toEqual([]);
  });

  it('takes a telephone number as sent: no space first or last', () => {
    const phone = (value: string) => childDetailsSchema.shape.emergencyPhones.safeParse([value]).success;
    expect(['07700 900123', '+44 (0)1344 000111', '123456'].map(phone)).toEqual([true, true, true]);
    expect([' 07700900123', '07700900123 ', '12345', '      ', 'call me'].map(phone)).toEqual([false, false, false, false, false]);
  });
});
