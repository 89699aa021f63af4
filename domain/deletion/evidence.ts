import type { IsoDate } from '../calendar/iso-date';

/**
 * What the school attests for each ground of SAR24 reg 9(1) (statutory-rules.md (d) and A2). The joint
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
  O: { permanentlyExcluded: boolean; reviewProcessConcluded: boolean };
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
