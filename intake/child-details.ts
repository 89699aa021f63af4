import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import type { ChildDetailsInput } from './requests';

/** Records what the reporter knows of the child; fields left out keep what was held before. */
export async function saveChildDetails(db: Db, pupilId: string, input: ChildDetailsInput): Promise<void> {
  const { sex, yearGroup, ...details } = input;
  if (sex ?? yearGroup) await db.pupil.update({ where: { id: pupilId }, data: { sex, yearGroup } });
  const data = {
    ...details,
    dateOfBirth: details.dateOfBirth ? new Date(`${details.dateOfBirth}T00:00:00Z`) : undefined,
    parents: details.parents as Prisma.InputJsonArray | undefined,
  };
  await db.childDetails.upsert({ where: { pupilId }, create: { pupilId, ...data }, update: data });
}
