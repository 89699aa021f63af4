import type { Db } from '../db/prisma';
import type { Placement } from '../domain/deletion/consent-gate';
import { resolvePolicy, type LaPolicy } from '../domain/rules/policy';

export interface CaseContext {
  placement: Placement;
  policy: LaPolicy;
}

/** Where and how the register says the pupil is placed now (school type, LA placement, SEN status). */
async function readPlacement(db: Db, pupilId: string): Promise<Placement> {
  const pupil = await db.pupil.findUniqueOrThrow({ where: { id: pupilId }, include: { school: { select: { isSpecial: true } } } });
  return {
    isSpecialSchool: pupil.school?.isSpecial ?? false,
    placedByLa: pupil.placedByLa,
    senStatus: pupil.senStatus as Placement['senStatus'],
  };
}

/** What the register and the LA's settings say, read when a case opens and kept in its history. */
export function createLoadCaseContext(db: Db) {
  return async function loadCaseContext(input: { pupilId: string; laCode: string }): Promise<CaseContext> {
    const [placement, settings] = await Promise.all([readPlacement(db, input.pupilId), db.laRuleSetting.findMany({ where: { laCode: input.laCode } })]);
    return { placement, policy: resolvePolicy(settings) };
  };
}

/** The placement again, for a decision that must see the register as it stands (the deletion consent gate). */
export function createLoadPlacement(db: Db) {
  return function loadPlacement(input: { pupilId: string }): Promise<Placement> {
    return readPlacement(db, input.pupilId);
  };
}
