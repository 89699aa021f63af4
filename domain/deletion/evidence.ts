import type { IsoDate } from '../calendar/iso-date';

/**
 * What the school attests for each ground of SAR24 reg 9(1) (docs/law.md (d) and A2). The joint
 * school + LA enquiries of grounds H and I are not attested here: they are signed off on the case itself.
 */
export interface GroundEvidence {
  A: { newSchoolName: string; saoNamesThisSchool: boolean; mobileChildWithMainSchoolHere: boolean; dualRegistrationAgreed: boolean };
  B: { completedNursery: boolean; reasonableGroundsToExpectReturn: boolean };
  C: { reasonableGroundsToExpectReturn: boolean; everyOtherSchoolConsented: boolean; saoNamesThisSchool: boolean; mobileChildWithMainSchoolHere: boolean };
  D: { saoAmendedToNameAnotherSchool: boolean };
  E: { saoRevokedAsEducationArrangedOtherwise: boolean };
  F: { writtenNoticeReceived: boolean; educationOtherwiseFrom: IsoDate; saoInForce: boolean };
  G: { noLongerResidesWithinReasonableDistance: boolean; isBoarder: boolean };
  H: { leaveEndedOn: IsoDate; returnedSince: boolean; sicknessOrUnavoidableCauseBelieved: boolean };
  I: { absentFrom: IsoDate; absentTo: IsoDate; sessionCodes: string[]; sicknessOrUnavoidableCauseBelieved: boolean };
  J: { detainedUnderSentence: boolean; reasonableGroundsToExpectReturnAfterwards: boolean };
  K: { died: boolean };
  L: { ceasesCompulsoryAgeBeforeSchoolNextMeets: boolean; notContinuingIntoSixthForm: boolean };
  M: { boarderWithFeesUnpaid: boolean };
  N: { ceasedToBePupilOfIndependentOrNonMaintainedSpecialSchool: boolean };
  O: ExclusionProcess;
}

/**
 * Ground O: the dates the permanent-exclusion process turns on (EXCL12). A date left out is a step that has
 * not happened yet.
 */
export interface ExclusionProcess {
  /** The parents were notified of the permanent exclusion. */
  exclusionNotifiedOn: IsoDate;
  /** The governing board's decision not to reinstate, as notified to the parents. */
  boardDecisionOn?: IsoDate;
  /** The parents applied for an independent review of the board's decision. */
  reviewApplied: boolean;
  /** Without a review: the date of the parents' written statement that they will not apply. */
  noReviewStatementOn?: IsoDate;
  /** With a review: the date of the panel's decision. */
  reviewDecidedOn?: IsoDate;
  /** The panel recommended or directed the board to reconsider. */
  reconsiderationRequired: boolean;
  /** The board's reconsideration (not reinstating), as notified to the parents. */
  reconsideredOn?: IsoDate;
}

export type DeletionRequestFor<G extends keyof GroundEvidence> = { ground: G; deleteOn: IsoDate; evidence: GroundEvidence[G] };
export type DeletionRequestDetails = { [G in keyof GroundEvidence]: DeletionRequestFor<G> }[keyof GroundEvidence];

/** The outcome of the joint reasonable enquiries grounds H and I require (A0 item 3: three outcomes). */
export type JointEnquiryOutcome = 'not_found' | 'found_will_not_return' | 'found_may_return';

export interface JointEnquiries {
  outcome: JointEnquiryOutcome;
  schoolSignedOff: boolean;
  laSignedOff: boolean;
}
