/**
 * Changes to running cases, each behind `patched()` so a case begun before it replays as it ran (architecture
 * decision 7; test/workflows/replay.test.ts). Remove one only when no run begun before it can still replay.
 */
export const patches = {
  /** The consent gate re-reads the register when a deletion is requested, not only when the case opened. */
  placementAtDeletion: 'placement-read-at-deletion',
  /** A later concern re-reads it too, so the SEND flag follows the register while the case runs. */
  placementOnConcern: 'placement-read-on-concern',
  /** Notifications that cannot go out within seconds continue in per-recipient lanes (notification-lanes.ts). */
  notificationLanes: 'notification-lanes',
  /** Grounds H and I are checked against the register again when consent or a direction confirms the deletion. */
  registerAtConfirmation: 'deletion-register-at-confirmation',
  /** A concern from the attendance feed carrying code N past its 5 school days prompts the school (T1). */
  codeNPrompt: 'code-n-prompt',
  /** When a clock whose duty is the school's runs out (T1 reason, T11 Lost Pupils CTF), the school is told as well as the LA. */
  schoolToldOnLapse: 'school-told-on-clock-lapse',
  /** A clock that ran out stays on the case as an overdue step until its step is done (CaseRun.markOverdue). */
  overdueSteps: 'overdue-steps',
  /** A case closing records its primary reason (EHE, or why a CME child was missing) on the audit log and status history. */
  reasonCapture: 'reason-capture-at-close',
  /** A clock's step that changes the case after its last record writes the case's projection too (CaseRun.projectIfChanged). */
  projectionAfterClock: 'projection-after-clock',
  /** A step's short database work (its context read, its record) runs as local activities, inside its workflow task. */
  localStepActivities: 'local-step-activities',
  /** School-day and plain-day clocks are counted in the workflow from the calendar it holds, not by an activity. */
  deadlinesInWorkflow: 'deadlines-in-workflow',
  /**
   * A support review falling due also asks the owners of the plan's open actions (support-plan-handlers.ts), and each
   * review's notifications are keyed by its own instant, so a review that recurs in one stage is told again.
   */
  supportPlan: 'support-plan',
  /** Part-time timetables (T7) recorded, reviewed, and raised when their review or end date passes (part-time-handlers.ts). */
  partTimeTimetable: 'part-time-timetable',
  /** Requests to the SEND team for an early EHC plan review or an EHC needs assessment, with their clocks (send-link-handlers.ts). */
  sendLink: 'send-link',
  /** Notifications are written to the outbox by a local activity and sent by the worker's dispatcher, not by an activity each. */
  notificationOutbox: 'notification-outbox',
  /** The SEND team's answer to a request is told to the school and the LA CME officer, who act on it (send-link-handlers.ts). */
  sendAnswerTold: 'send-answer-told',
} as const;
