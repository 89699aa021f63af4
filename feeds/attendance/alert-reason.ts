import { unresolvedCodeNKind } from '../../domain/attendance/code-n';
import type { ConcernReason } from '../../domain/case';

/**
 * Detection alert kinds are concern reasons, except a silent deletion, which the case treats as a leaver whose
 * destination is unknown (T11), and code N left unresolved, an unexplained absence (T1) whose school is prompted.
 */
export const alertReason = (kind: string): ConcernReason =>
  kind === 'possible_silent_deletion' ? 'leaver_unknown_destination' : kind === unresolvedCodeNKind ? 'unexplained_absence' : (kind as ConcernReason);
