import { z } from 'zod';
import type { Party, TriggerRule } from '../triggers';
import { configurableRules, groundRules } from './catalogue';
import type { Confidence, ConfigurableRule, Rule, RuleKind } from './rule';
import { ruleTable } from './table';

/**
 * docs/rules.md rendered from the rule table: a pure function of the rules, so a test can compare the committed
 * document with the table and `npm run docs:rules` (scripts/rules-doc.ts) can write it again.
 */
export const rulesDocFile = 'docs/rules.md';

export interface RulesDocInput {
  table: readonly Rule[];
  configurable: readonly ConfigurableRule<unknown>[];
  /** Ids of the deletion grounds A-O, listed apart from the other guards. */
  groundIds: readonly string[];
}

const confidenceMarks: Record<Confidence, string> = {
  P: 'read in the primary text itself: the Act, the regulations, or a gov.uk or DfE page',
  S: 'read in a secondary source that quotes or summarises the law (an LA procedure, a law firm, a charity, a parliamentary answer); the source is named',
  inferred: 'not read anywhere: a deduction from what was read, or a design choice of this engine',
  unverified: 'recalled or presumed (often the 2006 wording carried forward) but not confirmed in the current text',
  local: 'local practice: LAs differ and no national rule was found',
};

interface Section {
  heading: string;
  intro: string;
}

/** One section per kind, so a rule of a new kind cannot be left out; the grounds A-O apart from other guards. */
const kindSections: Record<RuleKind, Section> = {
  trigger: { heading: 'Triggers', intro: 'What opens a case or acts on an open one: each concern reason opens the case in a stage, tells its parties at once and may start a first clock.' },
  threshold: { heading: 'Attendance thresholds', intro: "What detection looks for in the uploaded register marks. A crossing is reported to the pupil's case as a concern; the README's \"The attendance feed\" gives the trigger each one raises." },
  guard: { heading: 'Other guards', intro: 'Conditions every deletion must meet, whatever its ground.' },
  gate: { heading: 'Gates', intro: "Consents a deletion waits for beyond its ground's own conditions (the joint enquiries of H and I, the other schools' consent of C). No other approval blocks a deletion: the law says the name must be deleted once a ground applies, so anything else the LA is asked is a notification." },
  clock: { heading: 'Clocks', intro: "Periods the case sleeps on. School days count on the school's own calendar (the LA's terms for a child on no roll); a clock ends at midnight in England." },
  notification: { heading: 'Notifications', intro: 'Who is told what, beside the parties each trigger tells.' },
  collection: { heading: 'The termly CME and EHE return', intro: "The DfE collection's code lists (domain/collection/lists.ts), each with where it was read and when: the registers and the termly return count by them." },
};
const groundsSection: Section = {
  heading: 'Deletion grounds',
  intro: 'SAR24 reg 9(1): a pupil of compulsory school age is deleted from the admission register on one of these grounds, and only on one of them. A deletion request names its ground and is checked against it.',
};

function sectionsOf(input: RulesDocInput): [Section, Rule[]][] {
  const isGround = (rule: Rule) => input.groundIds.includes(rule.id);
  const byKind = (kind: RuleKind) => input.table.filter((rule) => rule.kind === kind && !isGround(rule));
  const { trigger, threshold, ...rest } = kindSections;
  return [
    [trigger, byKind('trigger')],
    [threshold, byKind('threshold')],
    [groundsSection, input.table.filter(isGround)],
    ...(Object.entries(rest) as [RuleKind, Section][]).map(([kind, section]): [Section, Rule[]] => [section, byKind(kind)]),
  ];
}

const partyNames: Record<Party, string> = {
  laCmeOfficer: 'LA CME officer',
  sendTeam: 'LA SEND team',
  laEheTeam: 'LA EHE team',
  laHealthOfficer: 'LA health officer',
  manager: 'manager',
  school: 'school',
  socialCare: "children's social care",
  police: 'police',
  socialWorker: 'social worker',
  yotWorker: 'YOT worker',
};

/** The fixed numbers a constant rule carries beside its source. */
const fixedValueFormats: Record<string, (value: unknown) => string> = {
  schoolDays: (value) => `${String(value)} school days`,
  daysAfterService: (value) => `ends ${String(value)} days after the day of service`,
  codes: (value) => `codes ${(value as string[]).join(', ')}`,
  code: (value) => `code ${String(value)}`,
  rate: (value) => `${Math.round((value as number) * 100)}% of possible sessions`,
};
const ruleFields = new Set(['id', 'kind', 'title', 'source', 'confidence', 'setting', 'reason', 'stage', 'notify', 'notifyOnlyIf', 'clock']);

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const code = (text: string) => `\`${text}\``;
const list = (values: readonly unknown[]) => values.map(String).join(', ');

function describeValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : list(value);
  return String(value);
}

/** The values an LA may choose, read from the setting's own schema so the document cannot drift from it. */
function describeAllowed(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema) as { type?: string; minimum?: number; maximum?: number; items?: { enum?: unknown[]; pattern?: string } };
  if (json.type === 'boolean') return 'on or off';
  if (json.type === 'integer') return `whole number from ${json.minimum ?? '…'} to ${json.maximum ?? '…'}`;
  if (json.type === 'array' && json.items?.enum) return `any of ${list(json.items.enum)}`;
  if (json.type === 'array' && json.items?.pattern) return 'a list of codes, each once (lower-case letters, digits, _)';
  return JSON.stringify(json);
}

function valueCell(rule: Rule, configurable: ConfigurableRule<unknown> | undefined): string {
  if (configurable) {
    const { describe, defaultValue, schema } = configurable.setting;
    return `**LA setting**, ${describe}: default ${describeValue(defaultValue)}; ${describeAllowed(schema)}`;
  }
  const fixed = Object.entries(rule)
    .filter(([key]) => !ruleFields.has(key))
    .map(([key, value]) => fixedValueFormats[key]?.(value) ?? `${key}: ${JSON.stringify(value)}`);
  return fixed.length > 0 ? `constant: ${fixed.join('; ')}` : 'constant';
}

function isTrigger(rule: Rule): rule is TriggerRule {
  return rule.kind === 'trigger' && 'reason' in rule;
}

function triggerCells(rule: Rule): string[] {
  if (!isTrigger(rule)) return ['—', '—', '—', '—'];
  const told = rule.notify.map((party) => partyNames[party]).join(', ') || 'nobody';
  const clock = rule.clock
    ? `${code(rule.clock.rule.id)}: ${typeof rule.clock.schoolDays === 'number' ? `${rule.clock.schoolDays} school days` : 'LA setting'}`
    : '—';
  return [code(rule.reason), code(rule.stage), rule.notifyOnlyIf ? `${told}, if ${code(rule.notifyOnlyIf)} is on` : told, clock];
}

function renderSection(section: Section, rules: readonly Rule[], input: RulesDocInput): string[] {
  if (rules.length === 0) return [];
  const triggers = rules.some(isTrigger);
  const header = ['id', 'title', ...(triggers ? ['concern reason', 'opens at stage', 'told at once', 'first clock'] : []), 'value', 'source', 'confidence'];
  const kinds = [...new Set(rules.map((rule) => code(rule.kind)))].join(', ');
  return [
    `## ${section.heading}`,
    '',
    `${section.intro} Kind: ${kinds}.`,
    '',
    row(header),
    row(header.map(() => '---')),
    ...rules.map((rule) =>
      row([
        code(rule.id),
        rule.title,
        ...(triggers ? triggerCells(rule) : []),
        valueCell(rule, input.configurable.find((candidate) => candidate.id === rule.id)),
        rule.source,
        rule.confidence,
      ]),
    ),
    '',
  ];
}

function renderSettings(input: RulesDocInput): string[] {
  const readInLaw = input.configurable.filter((rule) => rule.confidence === 'P' || rule.confidence === 'S').map((rule) => code(rule.id));
  const alsoSettings = readInLaw.length > 0 ? ` A rule read in the law may carry a setting too, for a detail of it that was not: ${readInLaw.join(', ')}.` : '';
  return [
    '## What an LA may set',
    '',
    `Every rule marked unverified or local practice is a setting with a default, never a constant.${alsoSettings} A manager or administrator sets it for their LA with \`PUT /v1/las/:laCode/rules/:ruleId {"value": …}\`; \`GET /v1/las/:laCode/rules\` shows the values in force. A case keeps the settings it opened with; the retention purge reads \`RECORD-RETENTION\` when it runs.`,
    '',
    row(['id', 'what it sets', 'default', 'allowed', 'confidence']),
    row(['---', '---', '---', '---', '---']),
    ...input.configurable.map((rule) =>
      row([code(rule.id), rule.setting.describe, describeValue(rule.setting.defaultValue), describeAllowed(rule.setting.schema), rule.confidence]),
    ),
    '',
  ];
}

/** The whole document, Markdown, ending in a newline. */
export function renderRulesDoc(input: RulesDocInput): string {
  const lines = [
    '# The rule table',
    '',
    '<!-- Generated from domain/rules by `npm run docs:rules`; do not edit by hand. -->',
    '',
    `Every statutory rule the engine encodes, ${input.table.length} in all, as the code holds them (\`domain/rules/table.ts\`). The law behind them, the abbreviations used in the sources (SAR24, EA96, WTISA, CME24, …) and the open questions G1–G16 are explained in [law.md](law.md).`,
    '',
    'Each rule names its **source** and how sure we are of it, its **confidence**:',
    '',
    ...(Object.entries(confidenceMarks) as [Confidence, string][]).map(([mark, meaning]) => `- **${mark}**: ${meaning}.`),
    '',
    'A rule marked unverified or local is never a constant: each LA may set it, and the engine uses the default until it does. The **value** column gives a constant rule\'s fixed numbers, or a configurable rule\'s default and what an LA may choose.',
    '',
    ...sectionsOf(input).flatMap(([section, rules]) => renderSection(section, rules, input)),
    ...renderSettings(input),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The document of the rule table as the code holds it now. */
export function renderCurrentRulesDoc(): string {
  return renderRulesDoc({ table: ruleTable, configurable: configurableRules, groundIds: Object.values(groundRules).map((rule) => rule.id) });
}
