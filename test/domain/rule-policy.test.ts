import { configurableRules } from '../../domain/rules/catalogue';
import { ruleTable } from '../../domain/rules/table';
import { defaultPolicy, parseRuleSetting, resolvePolicy, RuleSettingError } from '../../domain/rules/policy';

const rules = ruleTable;

describe('the rule table', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s names its source and confidence', (_id, rule) => {
    expect(rule.source.length).toBeGreaterThan(5);
    expect(['P', 'S', 'inferred', 'unverified', 'local']).toContain(rule.confidence);
  });

  it('makes every unverified or local-practice rule configurable, never a constant', () => {
    const needsSetting = rules.filter((rule) => rule.confidence === 'unverified' || rule.confidence === 'local').map((rule) => rule.id);
    const configurable = configurableRules.map((rule) => rule.id);
    expect(configurable).toEqual(expect.arrayContaining(needsSetting));
  });

  it('has one row per rule id, grounds A to O among them', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('GROUND-'))).toHaveLength(15);
  });

  it('has a default in the policy for every configurable rule', () => {
    expect(Object.keys(defaultPolicy).sort()).toEqual(configurableRules.map((rule) => rule.id).sort());
  });
});

describe('LA policy', () => {
  it("applies an LA's settings over the defaults", () => {
    const policy = resolvePolicy([{ ruleId: 'CONSENT-REMINDER', value: 3 }]);
    expect(policy['CONSENT-REMINDER']).toBe(3);
    expect(policy['CONSENT-ESCALATION']).toBe(defaultPolicy['CONSENT-ESCALATION']);
  });

  it('refuses a value its rule does not allow, naming the rule', () => {
    expect(() => parseRuleSetting('CONSENT-REMINDER', 0)).toThrow(RuleSettingError);
    expect(() => parseRuleSetting('GATE-SPECIAL-SCHOOL', ['Z'])).toThrow(/GATE-SPECIAL-SCHOOL/);
  });

  it('refuses to configure a statutory constant', () => {
    expect(() => parseRuleSetting('T1', 10)).toThrow(/not a configurable rule/);
  });
});
