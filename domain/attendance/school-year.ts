import type { IsoDate } from '../calendar/iso-date';

/**
 * The school year a date falls in, named by the calendar year it starts: 1 September to 31 August, as the
 * yearly counts of the marks are kept (pupil_year_code, migration 20261203080000) and the EES rates are taken.
 */
export const schoolYearOf = (date: IsoDate): number => Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) >= 9 ? 0 : 1);

export const schoolYearStart = (year: number): IsoDate => `${year}-09-01`;
