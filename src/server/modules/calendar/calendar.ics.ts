import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { pickText } from '../../../contracts/common/multilingual.js';
import type { CalendarEntry } from '../../../contracts/calendar.js';
import type { SourceEntry } from './calendar.sources.js';

export type IcsLang = 'bg' | 'ka' | 'en';

const LABELS = {
  people: { bg: 'Участници', ka: 'მონაწილეები', en: 'People' },
  visit: { bg: 'Посещение', ka: 'ვიზიტი', en: 'Visit' },
  conflict: { bg: 'Конфликт', ka: 'კონფლიქტი', en: 'Conflict' },
  overlap: { bg: 'на две места едновременно', ka: 'ერთდროულად ორ ადგილას', en: 'in two places at once' },
  travel_buffer: { bg: 'недостатъчно време за придвижване', ka: 'გადაადგილებისთვის არასაკმარისი დრო', en: 'not enough travel time' },
} as const;

const STATUS: Record<string, ICalEventStatus> = {
  proposed: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  in_progress: ICalEventStatus.CONFIRMED,
  done: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * An iCalendar document that Outlook, Google and Apple Calendar subscribe to or import: timed
 * entries carry their zone (TZID with a VTIMEZONE for each zone used), all-day entries are dates.
 * `origin` makes each event link back to the web app.
 */
export function renderIcs(name: string, entries: (SourceEntry & Pick<CalendarEntry, 'conflicts'>)[], lang: IcsLang, origin: string | null): string {
  const cal = ical({ name, prodId: { company: 'Legato', product: 'calendar', language: lang.toUpperCase() }, ttl: 60 * 60 });
  cal.method(ICalCalendarMethod.PUBLISH);
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  for (const e of entries) {
    const lines: string[] = [];
    if (e.type === 'programme_item') lines.push(`${LABELS.visit[lang]}: ${pickText(e.visitTitle, lang)}`);
    if (e.people.length) lines.push(`${LABELS.people[lang]}: ${e.people.map((p) => p.name).join(', ')}`);
    for (const c of e.conflicts) lines.push(`⚠ ${LABELS.conflict[lang]}: ${c.personName} — ${LABELS[c.kind][lang]} (${pickText(c.withTitle, lang)})`);
    const url = origin ? `${origin}${e.link}` : undefined;
    cal.createEvent({
      id: `${e.id.replace(':', '-')}@legato`,
      summary: pickText(e.title, lang),
      location: e.place ? pickText(e.place, lang) : undefined,
      description: [...lines, ...(url ? [url] : [])].join('\n') || undefined,
      url,
      status: STATUS[e.status] ?? ICalEventStatus.CONFIRMED,
      ...(e.allDay
        ? { allDay: true, start: e.localStart, end: e.localEnd ?? undefined }
        : { timezone: e.timeZone, start: `${e.localStart}:00`, end: e.localEnd ? `${e.localEnd}:00` : undefined }),
    });
  }
  return cal.toString();
}
