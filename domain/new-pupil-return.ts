import type { IsoDate } from './calendar/iso-date';
import { newPupilReturnRule } from './rules/catalogue';

export interface NewPupilReturnFacts {
  /** The school that registered the child and makes the return. */
  newSchoolUrn: string;
  registeredOn: IsoDate;
  /** The school of the child's open case (none for a child on no roll). */
  caseSchoolUrn?: string;
  /** Today in England, the latest date a child can have been registered on. */
  today: IsoDate;
}

/**
 * NEW-PUPIL-RETURN (SAR24 reg 13(1)): a return means the child is on roll elsewhere only when it comes from
 * another school, for a registration that has happened. Every condition that fails, as "field: why".
 */
export function newPupilReturnRefusals({ newSchoolUrn, registeredOn, caseSchoolUrn, today }: NewPupilReturnFacts): string[] {
  const reasons: string[] = [];
  if (caseSchoolUrn === newSchoolUrn) {
    reasons.push(
      `schoolUrn: ${newSchoolUrn} is the school of the child's open case, so the child is not on roll elsewhere (${newPupilReturnRule.id}); ` +
        'a child back in this school is recorded by the school on the case (POST /v1/cases/{caseId}/back-in-school)',
    );
  }
  if (registeredOn > today) reasons.push(`registeredOn: ${registeredOn} is in the future (today is ${today} in England); a return follows the registration`);
  return reasons;
}
