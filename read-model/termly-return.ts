import type { Db } from '../db/prisma';
import { endOfEnglandDay } from '../domain/calendar/england-time';
import { cmeLengthBands, cmeReasons, eheReasons, labelOf, sexCodes, yearGroups, type CodeList } from '../domain/collection/lists';
import { resolvePolicy } from '../domain/rules/policy';
import { NotFound } from '../domain/errors';
import { censusChildren, type CensusChild } from './census-child';
import { heldDuring, statusesAt, type StatusAt } from './education-status-at';
import { timeMissing } from './registers';

/** One figure of the return: its item, the children counted, or why the engine cannot give it. */
export interface ReturnItem {
  item: string;
  label: string;
  value: number | null;
  held: boolean;
  note?: string;
  pupilIds: string[];
}

type Counted = StatusAt & { child: CensusChild | undefined; lengthBand?: string };

const NOT_KNOWN = 'not_known';

/** One item per code of a list, counting the children whose value is that code; values off the list count as not known. */
function breakdown(prefix: string, title: string, list: CodeList, codes: string[], children: Counted[], valueOf: (child: Counted) => string): ReturnItem[] {
  const all = codes.includes(NOT_KNOWN) ? codes : [...codes, NOT_KNOWN];
  return all.map((code) => {
    const pupilIds = children.filter((child) => (all.includes(valueOf(child)) ? valueOf(child) : NOT_KNOWN) === code).map((child) => child.pupilId);
    return { item: `${prefix}_${code}`, label: `${title}: ${code === NOT_KNOWN ? 'Not known' : labelOf(list, code)}`, value: pupilIds.length, held: true, pupilIds };
  });
}

const total = (item: string, label: string, pupilIds: string[], note?: string): ReturnItem => ({ item, label, value: pupilIds.length, held: true, pupilIds, ...(note ? { note } : {}) });
const notHeld = (item: string, label: string, note: string): ReturnItem => ({ item, label, value: null, held: false, note, pupilIds: [] });

/** The academic year before the one the census date falls in: 1 September to 31 August, as instants in England. */
function previousAcademicYear(censusDate: string) {
  const year = Number(censusDate.slice(0, 4)) - (Number(censusDate.slice(5, 7)) >= 9 ? 0 : 1);
  return { from: endOfEnglandDay(`${year - 1}-08-31`), to: endOfEnglandDay(`${year}-08-31`) };
}

const EHE_SCOPE_NOTE = 'children who became electively home educated through a case in this engine; others the LA knows of are not held';

/**
 * The termly CME and EHE return for a census date: counts at the end of that day in England, read only from the
 * status history in force by then, so later changes never move a past census's figures.
 */
export async function termlyReturn(db: Db, laCode: string, censusDate: string): Promise<{ laCode: string; censusDate: string; items: ReturnItem[] }> {
  const at = endOfEnglandDay(censusDate);
  const policy = resolvePolicy(await db.laRuleSetting.findMany({ where: { laCode } }));
  const held = await statusesAt(db, { laCode }, ['cme', 'ehe'], at);
  const children = await censusChildren(db, held.map((row) => row.pupilId), censusDate);
  const counted: Counted[] = held.map((row) => ({ ...row, child: children.get(row.pupilId), ...(row.status === 'cme' ? { lengthBand: timeMissing(row.since, at).band } : {}) }));
  const cme = counted.filter((row) => row.status === 'cme');
  const ehe = counted.filter((row) => row.status === 'ehe');
  const lastYear = previousAcademicYear(censusDate);
  const sex = (row: Counted) => row.child?.sex ?? 'U';
  const year = (row: Counted) => row.child?.yearGroup ?? NOT_KNOWN;
  const codes = (list: CodeList) => list.items.map((item) => item.code);
  const items: ReturnItem[] = [
    total('cme_census_total', 'Children missing education on the census date', cme.map((row) => row.pupilId)),
    ...breakdown('cme_census_sex', 'CME on the census date by sex', sexCodes, codes(sexCodes), cme, sex),
    ...breakdown('cme_census_year_group', 'CME on the census date by year group', yearGroups, codes(yearGroups), cme, year),
    ...breakdown('cme_census_length', 'CME on the census date by length of time missing', cmeLengthBands, codes(cmeLengthBands), cme, (row) => row.lengthBand ?? NOT_KNOWN),
    ...breakdown('cme_census_reason', 'CME on the census date by primary reason', cmeReasons, policy['CME-REASONS'], cme, (row) => row.reason ?? NOT_KNOWN),
    total('cme_previous_year_total', 'Children missing education at any time in the previous academic year', await heldDuring(db, laCode, 'cme', lastYear.from, lastYear.to, at)),
    total('ehe_census_total', 'Children electively home educated on the census date', ehe.map((row) => row.pupilId), EHE_SCOPE_NOTE),
    ...breakdown('ehe_census_sex', 'EHE on the census date by sex', sexCodes, codes(sexCodes), ehe, sex),
    ...breakdown('ehe_census_year_group', 'EHE on the census date by year group', yearGroups, codes(yearGroups), ehe, year),
    ...breakdown('ehe_census_reason', 'EHE on the census date by primary reason', eheReasons, policy['EHE-REASONS'], ehe, (row) => row.reason ?? NOT_KNOWN),
    total('ehe_previous_year_total', 'Children electively home educated at any time in the previous academic year', await heldDuring(db, laCode, 'ehe', lastYear.from, lastYear.to, at), EHE_SCOPE_NOTE),
    notHeld('ehe_census_education_unsuitable', 'EHE children whose education the LA has found unsuitable', "the LA's suitability enquiries are not recorded by this engine"),
    notHeld('cme_census_not_known_to_la', 'Children missing education the LA does not know of', 'by definition not held by any system'),
  ];
  return { laCode, censusDate, items };
}

/** The children counted in one figure, for the officer who checks it before submitting (a purged child is gone). */
export async function returnItemChildren(db: Db, laCode: string, censusDate: string, item: string) {
  const figure = (await termlyReturn(db, laCode, censusDate)).items.find((candidate) => candidate.item === item);
  if (!figure) throw new NotFound('return item');
  const children = await censusChildren(db, figure.pupilIds, censusDate);
  const { pupilIds, ...rest } = figure;
  return { laCode, censusDate, ...rest, children: pupilIds.flatMap((pupilId) => children.get(pupilId) ?? []) };
}
