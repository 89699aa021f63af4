import type { Db } from '../db/prisma';
import type { Placement } from '../domain/deletion/consent-gate';
import { resolvePolicy, type LaPolicy } from '../domain/rules/policy';

export interface CaseContext {
  placement: Placement;
  policy: LaPolicy;
}

/** What the register and the LA's settings say, read once when a case opens and kept in its history. */
export function createLoadCaseContext(db: Db) {
  return async function loadCaseContext(input: { pupilId: string; laCode: string }): Promise<CaseContext> {
    const [pupil, settings] = await Promise.all([
      db.pupil.findUniqueOrThrow({ where: { id: input.pupilId }, include: { school: { select: { isSpecial: true } } } }),
      db.laRuleSetting.findMany({ where: { laCode: input.laCode } }),
    ]);
    return {
      placement: {
        isSpecialSchool: pupil.school?.isSpecial ?? false,
        placedByLa: pupil.placedByLa,
        senStatus: pupil.senStatus as Placement['senStatus'],
      },
      policy: resolvePolicy(settings),
    };
  };
}
