import { createCalendarStore } from '../db/calendar-store';
import type { Db } from '../db/prisma';
import { englandDateOf } from '../domain/calendar/england-time';
import { statusLabels, type EducationStatus } from '../domain/collection/education-status';
import { cmeReasons, labelOf } from '../domain/collection/lists';
import { yearGroupOn } from '../domain/collection/year-group';
import type { Term } from '../domain/calendar/school-calendar';
import { censusChildren } from './census-child';
import { cmeEpisodes, type CmeEpisode } from './cme-episodes';

const NOT_KNOWN = 'not_known';

type Episode = CmeEpisode & { reasonCode: string; term: Term | undefined; senStatus: string; yearGroup: string; schoolDays: number | null };

/** How many items have each key, in first-seen order. */
function countBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/** The episodes of each group, counted per primary reason (groups and reasons in first-seen order). */
function byReason<K>(episodes: Episode[], keyOf: (episode: Episode) => K) {
  return [...countBy(episodes, keyOf).keys()].map((key) => ({
    key,
    reasons: [...countBy(episodes.filter((episode) => keyOf(episode) === key), (episode) => episode.reasonCode)].map(([reason, count]) => ({ reason, label: labelOf(cmeReasons, reason), count })),
  }));
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const [lower = 0, upper = lower] = sorted.slice((sorted.length - 1) >> 1, (sorted.length >> 1) + 1);
  return (lower + upper) / 2;
}

/**
 * Why children went missing education and how it ended: each CME run of the status history (cme-episodes.ts)
 * counted by its primary reason, per term it began in (the LA's terms; a holiday counts with the term before it),
 * by SEN status (the child's now), by the school it left and by year group on the day it began; and per reason the
 * status it ended in and its length in school days on the LA's calendar (days after the start up to the end).
 */
export async function reasonsAnalytics(db: Db, laCode: string | undefined, now: Date) {
  const runs = await cmeEpisodes(db, laCode, now);
  const calendars = createCalendarStore(db);
  const laCodes = [...new Set(runs.map((run) => run.laCode))];
  const termsOf = new Map(await Promise.all(laCodes.map(async (code) => [code, await calendars.termsOf(code)] as const)));
  const calendarOf = new Map(await Promise.all(laCodes.map(async (code) => [code, await calendars.laCalendarOf(code)] as const)));
  const children = await censusChildren(db, [...new Set(runs.map((run) => run.pupilId))], englandDateOf(now));
  const episodes: Episode[] = runs.map((run) => {
    const startDay = englandDateOf(run.start);
    const child = children.get(run.pupilId);
    return {
      ...run,
      reasonCode: run.reason ?? NOT_KNOWN,
      term: termsOf.get(run.laCode)?.filter((term) => term.start <= startDay).at(-1),
      senStatus: child?.senStatus ?? 'none',
      yearGroup: child?.dateOfBirth ? (yearGroupOn(child.dateOfBirth, startDay) ?? NOT_KNOWN) : (child?.yearGroup ?? NOT_KNOWN),
      schoolDays: run.end ? (calendarOf.get(run.laCode)?.schoolDaysBetween(startDay, englandDateOf(run.end)) ?? null) : null,
    };
  });
  const schoolName = new Map((await db.school.findMany({ select: { urn: true, name: true } })).map((school) => [school.urn, school.name]));
  return {
    episodes: episodes.length,
    // Episodes begin in time order, so the terms come term on term; one begun before the first term has none.
    byTerm: byReason(episodes, (episode) => episode.term ?? null).map(({ key, reasons }) => ({ term: key?.name ?? null, start: key?.start ?? null, reasons })),
    bySen: byReason(episodes, (episode) => episode.senStatus).map(({ key, reasons }) => ({ senStatus: key, reasons })),
    bySchool: byReason(episodes, (episode) => episode.schoolUrn).map(({ key, reasons }) => ({ schoolUrn: key, name: key ? (schoolName.get(key) ?? key) : 'no roll', reasons })),
    byYearGroup: byReason(episodes, (episode) => episode.yearGroup).map(({ key, reasons }) => ({ yearGroup: key, reasons })),
    resolutionUnit: 'school_days' as const,
    outcomes: [...countBy(episodes, (episode) => episode.reasonCode).keys()].map((reason) => {
      const ofReason = episodes.filter((episode) => episode.reasonCode === reason);
      const ended = ofReason.filter((episode) => episode.endedIn !== null);
      const days = ended.flatMap((episode) => (episode.schoolDays === null ? [] : [episode.schoolDays]));
      return {
        reason,
        label: labelOf(cmeReasons, reason),
        episodes: ofReason.length,
        stillMissing: ofReason.length - ended.length,
        endedIn: [...countBy(ended, (episode) => episode.endedIn as string)].map(([status, count]) => ({ status, label: statusLabels[status as EducationStatus] ?? status, count })),
        medianSchoolDays: median(days),
        longestSchoolDays: days.length ? Math.max(...days) : null,
      };
    }),
  };
}
