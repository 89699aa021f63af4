import { specialSchoolConsentRule } from '../domain/rules/catalogue';
import { activities } from './activities';
import type { CaseRun } from './case-run';

/**
 * Reads the register's placement again, so a step sees it as it stands, not as it was when the case opened:
 * an LA placement or EHC plan recorded since (a register import, a later concern's `send`) counts for the
 * consent gate, the EHC plan review and the SEND flag. A change is on the record.
 */
export async function refreshPlacement(run: CaseRun): Promise<void> {
  const now = await activities.loadPlacement({ pupilId: run.state.pupilId });
  const before = run.state.placement;
  if (before && now.isSpecialSchool === before.isSpecialSchool && now.placedByLa === before.placedByLa && now.senStatus === before.senStatus) return;
  run.state.placement = { ...before, ...now };
  run.markSend(now.senStatus !== 'none');
  await run.record('placement_updated', 'system', { isSpecialSchool: String(now.isSpecialSchool), placedByLa: String(now.placedByLa), senStatus: now.senStatus }, specialSchoolConsentRule.id);
}
