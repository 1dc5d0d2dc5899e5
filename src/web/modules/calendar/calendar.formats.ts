import type { CalendarOptions, DayHeaderInfo } from '@fullcalendar/react';
import { formatGeorgianDate, lacksIntlDates } from '../../lib/format';

/** A date as FullCalendar hands it to a formatter: the wall clock in the calendar's zone (month from 0). */
type WallClock = { year: number; month: number; day: number; hour: number; minute: number };
type FormatArg = { date: WallClock; start: WallClock; end?: WallClock | null };

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: WallClock) => `${d.year}-${pad(d.month + 1)}-${pad(d.day)}`;
const timeOf = (d: WallClock) => `${pad(d.hour)}:${pad(d.minute)}`;
const isLastOfMonth = (d: WallClock) => new Date(Date.UTC(d.year, d.month, d.day + 1)).getUTCDate() === 1;
const ka = (d: WallClock, pattern: string) => formatGeorgianDate(dayOf(d), pattern);

/** "დეკემბერი 2026", "7 – 13 დეკემბერი 2026", "30 ნოე – 6 დეკ 2026", "7 დეკემბერი 2026". */
export function georgianTitle({ start, end }: FormatArg): string {
  const last = end ?? start;
  if (dayOf(start) === dayOf(last)) return ka(start, 'D MMMM YYYY');
  const sameMonth = start.year === last.year && start.month === last.month;
  if (sameMonth && start.day === 1 && isLastOfMonth(last)) return ka(start, 'MMMM YYYY');
  if (sameMonth) return `${start.day} – ${ka(last, 'D MMMM YYYY')}`;
  if (start.year === last.year) return `${ka(start, 'D MMM')} – ${ka(last, 'D MMM YYYY')}`;
  return `${ka(start, 'D MMM YYYY')} – ${ka(last, 'D MMM YYYY')}`;
}

/** "10:00", or "10:00 – 11:30" (24-hour, as Georgia writes times). */
export function georgianTime({ start, end }: FormatArg): string {
  return end ? `${timeOf(start)} – ${timeOf(end)}` : timeOf(start);
}

/** Weekday names by day of the week (0 = Sunday), short or long. */
export const georgianWeekday = (dow: number, long = false) => formatGeorgianDate(`2023-01-${pad(1 + dow)}`, long ? 'dddd' : 'ddd'); // 1 Jan 2023 was a Sunday

/**
 * The date texts FullCalendar writes itself (the title, day headers, list days, slot times), in
 * Georgian from dayjs: Chromium has no Georgian Intl data, so FullCalendar's `ka` locale alone
 * gives "2026 M12" and English weekdays. The formatters follow FullCalendar's own defaults.
 */
export function georgianCalendarFormats(): Partial<CalendarOptions> {
  const date = (pattern: string) => ({ date }: FormatArg) => ka(date, pattern);
  return {
    titleFormat: georgianTitle,
    monthStartFormat: date('D MMMM'),
    popoverFormat: date('D MMMM YYYY'),
    slotHeaderFormat: ({ date: d }: FormatArg) => timeOf(d),
    eventTimeFormat: georgianTime,
    listDayFormat: date('dddd'),
    listDayAltFormat: date('D MMMM YYYY'),
    views: {
      dayGridMonth: { dayHeaderFormat: date('ddd') },
      timeGridWeek: { dayHeaderFormat: date('ddd D') },
      timeGridDay: { dayHeaderFormat: date('dddd D') },
      listMonth: { listDayFormat: date('D MMMM YYYY'), listDayAltFormat: date('dddd') },
    },
    // Columns narrower than 60 px get Intl's one-letter weekday, which has no Georgian either:
    // then (only then) FullCalendar reports a weekday part, and the short Georgian name replaces it.
    dayHeaderContent: (info: DayHeaderInfo) => (info.weekdayText ? georgianWeekday(info.dow) : info.text),
  };
}

/** Options to add for the UI language: none where Intl has the language's dates (bg, en; ka outside Chromium). */
export const calendarFormats = (lang: string): Partial<CalendarOptions> => (lacksIntlDates(lang) ? georgianCalendarFormats() : {});
