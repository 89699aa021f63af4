import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { configurableRules, groundRules } from '../../domain/rules/catalogue';
import type { ConfigurableRule } from '../../domain/rules/rule';
import { renderCurrentRulesDoc, renderRulesDoc, rulesDocFile, type RulesDocInput } from '../../domain/rules/rules-doc';
import { ruleTable } from '../../domain/rules/table';

const committedFile = path.join(__dirname, '..', '..', rulesDocFile);
const current: RulesDocInput = { table: ruleTable, configurable: configurableRules, groundIds: Object.values(groundRules).map((rule) => rule.id) };

/** The first line where two documents part, so a stale document says where it is stale. */
function firstDifference(committed: string, rendered: string): string | undefined {
  const a = committed.split('\n');
  const b = rendered.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  if (line >= 0) return `line ${line + 1}: committed "${a[line]}", table gives "${b[line] ?? '(end of document)'}"`;
  return b.length > a.length ? `line ${a.length + 1}: table gives "${b[a.length]}"` : undefined;
}

describe('docs/rules.md, the rule table as a document', () => {
  it('is the document the rule table renders today (if not: run `npm run docs:rules` and commit docs/rules.md)', () => {
    const committed = fs.existsSync(committedFile) ? fs.readFileSync(committedFile, 'utf8') : '';
    const rendered = renderCurrentRulesDoc();
    expect({ file: rulesDocFile, fix: 'npm run docs:rules', difference: firstDifference(committed, rendered) }).toEqual({
      file: rulesDocFile,
      fix: 'npm run docs:rules',
      difference: undefined,
    });
  });

  it('goes stale when a rule is added to the table, so the check above catches a rule added without the document', () => {
    const added = { id: 'NEW-RULE-X', kind: 'clock', title: 'A rule added in parallel', source: 'Somewhere [S]', confidence: 'S' } as const;
    const rendered = renderRulesDoc({ ...current, table: [...ruleTable, added] });
    expect(rendered).not.toBe(renderCurrentRulesDoc());
    expect(rendered).toContain('| `NEW-RULE-X` | A rule added in parallel | constant | Somewhere [S] | S |');
  });

  it.each(ruleTable.map((rule) => [rule.id, rule] as const))('%s appears once, with its title, source and confidence', (id, rule) => {
    const rows = renderCurrentRulesDoc()
      .split('\n')
      .filter((line) => line.startsWith(`| \`${id}\` |`));
    // A configurable rule has a second row among the LA settings.
    expect(rows).toHaveLength(configurableRules.some((candidate) => candidate.id === id) ? 2 : 1);
    expect(rows[0]).toContain(` ${rule.title} |`);
    expect(rows[0]).toContain(` ${rule.source} | ${rule.confidence} |`);
  });

  it.each(configurableRules.map((rule) => [rule.id, rule] as const))('%s shows its default and the values an LA may choose', (id, rule) => {
    const settingRow = renderCurrentRulesDoc()
      .split('\n')
      .filter((line) => line.startsWith(`| \`${id}\` |`))
      .at(-1);
    expect(settingRow).toContain(`| ${rule.setting.describe} |`);
    expect(settingRow).toMatch(/\| (whole number from \d+ to \d+|on or off|any of [A-O, ]+|a list of codes, each once \(lower-case letters, digits, _\)) \|/);
  });

  it('reads the allowed range from the setting schema, and names the default (GROUND-H: PRR06 reg 8(1)(f), unverified for 2024)', () => {
    const groundH = configurableRules.find((rule) => rule.id === 'GROUND-H') as ConfigurableRule<number>;
    const narrowed = { ...groundH, setting: { ...groundH.setting, schema: z.number().int().min(5).max(15), defaultValue: 12 } };
    const rendered = renderRulesDoc({ ...current, configurable: configurableRules.map((rule) => (rule.id === 'GROUND-H' ? narrowed : rule)) });
    expect(rendered).toContain('| `GROUND-H` | school days after the end of leave | 12 | whole number from 5 to 15 | unverified |');
  });

  it('lists the grounds A-O under deletion grounds (SAR24 reg 9(1)), apart from the other guards', () => {
    const doc = renderCurrentRulesDoc();
    const grounds = doc.slice(doc.indexOf('## Deletion grounds'), doc.indexOf('## Other guards'));
    expect(grounds.match(/^\| `GROUND-[A-O]` \|/gm)).toHaveLength(15);
    expect(grounds).not.toContain('NO-BACKDATING');
  });
});
