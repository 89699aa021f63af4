// What the school attests for each ground of SAR24 reg 9(1): mirrors GroundEvidence in domain/deletion/evidence.ts.
const yes = (name, text) => ({ name, text, type: 'boolean' });
const date = (name, text) => ({ name, text, type: 'date' });
// A step of a process that may not have happened yet: left empty, it is left out of the request.
const laterDate = (name, text) => ({ name, text, type: 'date', optional: true });

export const groundFields = {
  A: { title: 'A — registered at another school', fields: [{ name: 'newSchoolName', text: 'Name of the new school', type: 'text' }, yes('saoNamesThisSchool', 'A school attendance order names this school'), yes('mobileChildWithMainSchoolHere', 'Mobile child whose main school is this one'), yes('dualRegistrationAgreed', 'Dual registration agreed')] },
  B: { title: 'B — nursery pupil not moving into reception', fields: [yes('completedNursery', 'Completed nursery education'), yes('reasonableGroundsToExpectReturn', 'Reasonable grounds to expect them to attend again')] },
  C: { title: 'C — dual-registered, other schools consent', fields: [yes('reasonableGroundsToExpectReturn', 'Reasonable grounds to expect them to attend again'), yes('everyOtherSchoolConsented', 'Every other school consented'), yes('saoNamesThisSchool', 'A school attendance order names this school'), yes('mobileChildWithMainSchoolHere', 'Mobile child whose main school is this one')] },
  D: { title: 'D — attendance order amended to another school', fields: [yes('saoAmendedToNameAnotherSchool', 'The LA amended the order to name another school')] },
  E: { title: 'E — attendance order revoked', fields: [yes('saoRevokedAsEducationArrangedOtherwise', 'Revoked: suitable education arranged otherwise')] },
  F: { title: 'F — parent\'s written notice of home education', fields: [yes('writtenNoticeReceived', 'Written notice received from the parent'), date('educationOtherwiseFrom', 'Educated otherwise than at school from'), yes('saoInForce', 'A school attendance order is in force')] },
  G: { title: 'G — no longer lives within reasonable distance', fields: [yes('noLongerResidesWithinReasonableDistance', 'No longer lives within reasonable distance'), yes('isBoarder', 'Is a boarder')] },
  H: { title: 'H — not returned 10 school days after leave', fields: [date('leaveEndedOn', 'Leave of absence ended on'), yes('returnedSince', 'Has returned since'), yes('sicknessOrUnavoidableCauseBelieved', 'Sickness or unavoidable cause believed')] },
  I: { title: 'I — 20 continuous school days unauthorised absence', fields: [date('absentFrom', 'Absent from'), date('absentTo', 'Absent to'), { name: 'sessionCodes', text: 'Register codes of the sessions (comma separated)', type: 'codes' }, yes('sicknessOrUnavoidableCauseBelieved', 'Sickness or unavoidable cause believed')] },
  J: { title: 'J — detained under a sentence', fields: [yes('detainedUnderSentence', 'Detained under a sentence of at least four months'), yes('reasonableGroundsToExpectReturnAfterwards', 'Reasonable grounds to expect a return afterwards')] },
  K: { title: 'K — has died', fields: [yes('died', 'The school has been told the pupil has died')] },
  L: { title: 'L — ceases compulsory school age', fields: [yes('ceasesCompulsoryAgeBeforeSchoolNextMeets', 'Ceases to be of compulsory school age before the school next meets'), yes('notContinuingIntoSixthForm', 'Not continuing into the sixth form')] },
  M: { title: 'M — boarder with fees unpaid', fields: [yes('boarderWithFeesUnpaid', 'Boarder whose fees are unpaid by the LA')] },
  N: { title: 'N — ceased at an independent or non-maintained special school', fields: [yes('ceasedToBePupilOfIndependentOrNonMaintainedSpecialSchool', 'Has ceased to be a pupil of the school')] },
  O: {
    title: 'O — permanently excluded',
    fields: [
      date('exclusionNotifiedOn', 'Parents notified of the permanent exclusion on'),
      laterDate('boardDecisionOn', "Governing board's decision not to reinstate notified on (empty: not yet decided)"),
      laterDate('noReviewStatementOn', 'Parents stated in writing they will not apply for a review on (empty: no statement)'),
      yes('reviewApplied', 'The parents applied for an independent review'),
      laterDate('reviewDecidedOn', "Review panel's decision on (empty: not yet decided)"),
      yes('reconsiderationRequired', 'The panel recommended or directed the board to reconsider'),
      laterDate('reconsideredOn', 'Board reconsidered and did not reinstate on (empty: not yet)'),
    ],
  },
};
