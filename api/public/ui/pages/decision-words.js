import { day, label } from '../format.js';

/** The outcomes a refusal names, as a person says them. */
const closingWords = { elective_home_education: 'home education' };
const NOT_ON_LIST = /is not on the LA's/;

/**
 * Plain words for the fields the decisions' API checks name: [the form's field, what to do, and for the case's
 * refusals ("field: why", domain/ and workflows/), what to do and why, in the order tried]. A refusal no pattern
 * matches reads as what to do.
 */
export const decisionFields = {
  deleteOn: ['deleteOn', 'Enter the day the pupil is to be deleted from the roll: day, month and year'],
  reason: ['reason', 'Enter the reason, for the audit log'],
  returnedOn: ['returnedOn', 'Enter the day the child came back, today or earlier: day, month and year', [
    [/is in the future/, 'Enter the day the child came back, today or earlier: that day is still to come'],
    [/is before the case opened on (\d{4}-\d{2}-\d{2})/, (opened) => `Enter the day the child came back: it is before the case opened, on ${day(opened)}`],
  ]],
  otherLaCode: ['otherLaCode', "Enter the other LA's code: 3 digits", [
    [/is this case's own LA/, "Enter the other LA's code: that code is this case's own LA"],
  ]],
  reference: ['reference', "Enter the reference on the Secretary of State's direction"],
  primaryReason: ['primaryReason', 'Choose the primary reason from the list', [
    [/^is required when a case closes as (\w+)/, (outcome) => `Choose the primary reason: a case closing into ${closingWords[outcome] ?? label(outcome)} needs one`],
    [/records no primary reason/, 'Leave the primary reason out: a case closing this way records none'],
    [/contradicts (\w+)/, (inferred) => `Leave the primary reason out, or choose "${label(inferred)}": a case closing this way has that reason`],
    [NOT_ON_LIST, "Choose the primary reason from the list: the one sent is not on the LA's list"],
  ]],
  circumstances: ['circumstances', 'Choose circumstances from the list', [
    [/once$/, 'Choose each circumstance once'],
    [NOT_ON_LIST, "Choose circumstances from the list: one sent is not on the LA's list"],
  ]],
  code: ['code', "Choose a barrier on the LA's list"],
  what: ['what', 'Enter what the owner will do: at most 500 characters'],
  dueInSchoolDays: ['dueInSchoolDays', 'Enter the school days until it is due: a whole number from 1 to 190'],
  note: ['note', 'Enter a note, for the record'],
  startDate: ['startDate', 'Enter the first day on the timetable: day, month and year'],
  endDate: ['endDate', 'Enter the last day on the timetable: day, month and year', [
    [/before the start/, 'Enter a last day on or after the first day'],
    [/already passed/, 'Enter a last day today or later'],
    [/time-limited/, 'Enter a last day within a year of the first: a part-time timetable is time-limited'],
  ]],
  reviewDate: ['reviewDate', 'Enter the day it is reviewed by: day, month and year', [
    [/after the end date/, 'Enter a review day on or before the last day on the timetable'],
    [/before the start/, 'Enter a review day on or after the first day'],
    [/already passed/, 'Enter a review day today or later'],
    [/more than (\d+) days after the start/, (days) => `Enter a review day within ${days} days of the start: the LA's limit`],
  ]],
  hoursPerWeek: ['hoursPerWeek', 'Enter the hours a week: at least 1 and fewer than a full-time week of 32.5'],
  parentAgreed: ['parentAgreed', 'Agree the timetable with the parent first: none is recorded without their agreement'],
  kind: ['kind', 'Choose what the SEND team is asked', [
    [/no EHC plan/, 'Choose an EHC needs assessment: the register shows no EHC plan for the pupil'],
    [/not on SEN support/, 'Choose an early EHC plan review: the register shows the pupil not on SEN support'],
  ]],
  barrierId: ['barrierId', 'Choose the unmet-need barrier the request rests on', [[/not an unmet/, 'Choose an unmet special educational need: a request to the SEND team rests on one']]],
  requestId: ['requestId', 'Choose the request to answer'],
};
