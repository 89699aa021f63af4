import { reasonForAbsenceRule } from '../domain/rules/catalogue';
import type { UnresolvedCodeN } from './case-messages';
import type { CaseRun } from './case-run';

/**
 * T1 (`reasonForAbsenceRule`, SAR24 reg 10(7)-(9) [S]): the register still has code N more than 5 school days
 * after the session. Establishing the reason and replacing the code is the school's duty, so the school is
 * prompted, once per report (the feed's alert for that pupil and N-episode); the case records the rule.
 */
export async function promptToReplaceCodeN(run: CaseRun, reportId: string, reportedBy: string, codeN: UnresolvedCodeN): Promise<void> {
  await run.record('code_n_unresolved', reportedBy, { from: codeN.from, to: codeN.to, sessions: String(codeN.sessions) }, reasonForAbsenceRule.id);
  for (const party of run.reachable(['school'] as const)) {
    await run.notify(`code_n_unresolved:${reportId}`, run.address(party), 'code_n_unresolved', reasonForAbsenceRule.id);
  }
}
