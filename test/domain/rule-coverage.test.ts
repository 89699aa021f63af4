import fs from 'node:fs';
import path from 'node:path';
import { deletionGrounds } from '../../domain/deletion/grounds-list';
import { groundRules } from '../../domain/rules/catalogue';
import { ruleTable } from '../../domain/rules/table';
import { triggerRules } from '../../domain/triggers';

/**
 * Issue #3, "done means": every row of the rule table has a test. A rule is covered when a test names its id,
 * or when a test generates one case per rule from the table itself (the trigger and ground suites, whose test
 * names carry each rule's id, source and, for triggers, the first clock's rule).
 */
const testDir = path.join(__dirname, '..');
const read = (relative: string) => fs.readFileSync(path.join(testDir, relative), 'utf8');

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testSources(file);
    return file.endsWith('.test.ts') && file !== __filename ? [fs.readFileSync(file, 'utf8')] : [];
  });
}

const generatedSuites = [
  {
    file: 'workflows/triggers-and-safeguarding.test.ts',
    generator: 'it.each(Object.values(triggerRules)',
    ids: Object.values(triggerRules).flatMap((rule) => [rule.id, ...(rule.clock ? [rule.clock.rule.id] : [])]),
  },
  {
    file: 'workflows/deletion-grounds.test.ts',
    generator: 'it.each(deletionGrounds.map((ground) => [`${groundRules[ground].id}',
    ids: deletionGrounds.map((ground) => groundRules[ground].id),
  },
];

describe('rule coverage', () => {
  const named = testSources(testDir).join('\n');

  it.each(generatedSuites.map((suite) => [suite.file, suite] as const))('%s still generates one test per rule', (file, suite) => {
    expect(read(file)).toContain(suite.generator);
  });

  it.each(ruleTable.map((rule) => [rule.id]))('%s has a test', (id) => {
    const generated = generatedSuites.some((suite) => suite.ids.includes(id));
    const namedByTest = new RegExp(`\\b${id}\\b`).test(named);
    expect({ id, covered: generated || namedByTest }).toEqual({ id, covered: true });
  });
});
