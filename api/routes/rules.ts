import type { Prisma } from '@prisma/client';
import { Router } from 'express';
import type { Db } from '../../db/prisma';
import { codeLists, codesOf, labelOf } from '../../domain/collection/lists';
import { configurableRules } from '../../domain/rules/catalogue';
import { ruleTable } from '../../domain/rules/table';
import { parseRuleSetting, resolvePolicy, RuleSettingError } from '../../domain/rules/policy';
import { requireLa, requireRole } from '../../domain/access';
import { principalOf } from '../auth/authenticate';
import { ApiError } from '../errors';
import { laCodeParams, ruleSettingBody, ruleSettingParams } from '../schemas';
import { parseOr400 } from '../validate';
import type { RulesBody } from '../response-schemas';

/** The rule table with its sources, and each LA's values for the configurable (unverified, local) rules. */
export function rulesRouter(db: Db): Router {
  const router = Router();

  router.get('/las/:laCode/rules', async (req, res) => {
    const { laCode } = parseOr400(laCodeParams, req.params);
    const settings = await db.laRuleSetting.findMany({ where: { laCode } });
    const policy = resolvePolicy(settings) as unknown as Record<string, unknown>;
    res.json({
      laCode,
      rules: ruleTable.map((rule) => {
        const configurable = configurableRules.find((candidate) => candidate.id === rule.id);
        const setting = settings.find((s) => s.ruleId === rule.id);
        const list = codeLists.find((candidate) => candidate.id === rule.id);
        return {
          id: rule.id,
          kind: rule.kind,
          title: rule.title,
          source: rule.source,
          confidence: rule.confidence,
          ...(configurable
            ? { setting: { describe: configurable.setting.describe, value: policy[rule.id], isDefault: !setting, defaultValue: configurable.setting.defaultValue } }
            : {}),
          // A code list in force with its labels, so a form offers the LA's own choices in words.
          ...(list ? { codes: ((configurable ? policy[rule.id] : codesOf(list)) as string[]).map((code) => ({ code, label: labelOf(list, code) })) } : {}),
        };
      }),
    } satisfies RulesBody);
  });

  router.put('/las/:laCode/rules/:ruleId', async (req, res) => {
    const { laCode, ruleId } = parseOr400(ruleSettingParams, req.params);
    const principal = principalOf(res);
    requireRole(principal, ['admin', 'manager']);
    requireLa(principal, laCode);
    const { value } = parseOr400(ruleSettingBody, req.body);
    const updatedBy = `${principal.role}:${principal.userId}`;
    let parsed: unknown;
    try {
      parsed = parseRuleSetting(ruleId, value);
    } catch (error) {
      if (error instanceof RuleSettingError) throw new ApiError(422, 'invalid_setting', error.message, 'value');
      throw error;
    }
    await db.laRuleSetting.upsert({
      where: { laCode_ruleId: { laCode, ruleId } },
      create: { laCode, ruleId, value: parsed as Prisma.InputJsonValue, updatedBy },
      update: { value: parsed as Prisma.InputJsonValue, updatedBy },
    });
    res.json({ laCode, ruleId, value: parsed });
  });

  return router;
}
