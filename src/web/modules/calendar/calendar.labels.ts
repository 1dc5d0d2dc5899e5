import { pickText } from '../../../contracts/common/multilingual';
import { addDays } from '../../../contracts/common/dates';
import { formatDate } from '../../lib/format';
import type { CalendarConflict, CalendarEntry } from '../../../contracts/calendar';

export const entryTitle = (e: Pick<CalendarEntry, 'title'>, lang: string) => pickText(e.title as never, lang);

/** The wall-clock date ('YYYY-MM-DD') and time ('HH:MM') of an instant in a zone (digits only: every browser has them). */
function wallClock(instant: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** A calendar day as a short date in the UI language (formatDate handles Chrome's missing Georgian data). */
const shortDay = (date: string, lang: string) => formatDate(date, lang);

/** An entry's time as read where it happens: "2 Jun 2027, 11:00–12:00 (Asia/Tbilisi)". */
export function entryWhen(e: Pick<CalendarEntry, 'allDay' | 'start' | 'end' | 'timeZone'>, lang: string): string {
  if (e.allDay) {
    const last = e.end ? addDays(e.end, -1) : e.start;
    return last !== e.start ? `${shortDay(e.start, lang)} – ${shortDay(last, lang)}` : shortDay(e.start, lang);
  }
  const start = wallClock(e.start, e.timeZone);
  const end = e.end ? wallClock(e.end, e.timeZone) : null;
  return `${shortDay(start.date, lang)}, ${start.time}${end ? `–${end.time}` : ''} (${e.timeZone})`;
}

export const conflictTitle = (c: CalendarConflict, lang: string) => pickText(c.withTitle as never, lang);
