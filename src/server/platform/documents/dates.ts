import type { UiLocale } from '../../../contracts/common/languages.js';

/**
 * Dates as a protocol office writes them, in bg, ka and en. Month and weekday names come from
 * Intl (Node ships full ICU); the patterns around them are ours, because ICU's Georgian date
 * ranges come out as "22 აპრილი. – 02 მაისი. 2027" and would change with the ICU version.
 */

export type DocumentLanguage = UiLocale;

const INTL_LOCALE: Record<DocumentLanguage, string> = { bg: 'bg-BG', ka: 'ka-GE', en: 'en-GB' };

interface Ymd {
  year: number;
  month: number; // 1-12
  day: number;
}

function parseIsoDate(value: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) throw new Error(`Not an ISO date: ${value}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function utc({ year, month, day }: Ymd): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

const monthCache = new Map<string, string>();
function monthName(lang: DocumentLanguage, month: number): string {
  const key = `${lang}-${month}`;
  let name = monthCache.get(key);
  if (!name) {
    // Taken from a day-month format, so languages that inflect month names give the form used with a day.
    const parts = new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(
      new Date(Date.UTC(2001, month - 1, 15)),
    );
    name = parts.find((p) => p.type === 'month')?.value ?? String(month);
    monthCache.set(key, name);
  }
  return name;
}

export function weekdayName(lang: DocumentLanguage, isoDate: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(utc(parseIsoDate(isoDate)));
}

function dayMonth(lang: DocumentLanguage, d: Ymd): string {
  return `${d.day} ${monthName(lang, d.month)}`;
}

function withYear(lang: DocumentLanguage, text: string, year: number): string {
  switch (lang) {
    case 'bg':
      return `${text} ${year} г.`;
    case 'ka':
      return `${text}, ${year}`;
    case 'en':
      return `${text} ${year}`;
  }
}

/** "22 April 2027", "22 април 2027 г.", "22 აპრილი, 2027". */
export function formatDate(lang: DocumentLanguage, isoDate: string): string {
  const d = parseIsoDate(isoDate);
  return withYear(lang, dayMonth(lang, d), d.year);
}

/** "22–24 April 2027", "22 April – 2 May 2027", "30 December 2027 – 2 January 2028". */
export function formatDateRange(lang: DocumentLanguage, startIso: string, endIso: string): string {
  const a = parseIsoDate(startIso);
  const b = parseIsoDate(endIso);
  if (a.year === b.year && a.month === b.month && a.day === b.day) return formatDate(lang, startIso);
  if (a.year === b.year && a.month === b.month) return withYear(lang, `${a.day}–${dayMonth(lang, b)}`, a.year);
  if (a.year === b.year) return withYear(lang, `${dayMonth(lang, a)} – ${dayMonth(lang, b)}`, a.year);
  return `${formatDate(lang, startIso)} – ${formatDate(lang, endIso)}`;
}

/** "Thursday, 22 April 2027", "четвъртък, 22 април 2027 г.", "ხუთშაბათი, 22 აპრილი, 2027". */
export function formatDateWithWeekday(lang: DocumentLanguage, isoDate: string): string {
  return `${weekdayName(lang, isoDate)}, ${formatDate(lang, isoDate)}`;
}

/** "09:00–10:30", or "09:00" without an end. */
export function formatTimeRange(start: string, end: string | null): string {
  return end ? `${start}–${end}` : start;
}

/** Whole days from one ISO date to another (0 for the same day). */
export function daysBetween(startIso: string, endIso: string): number {
  return Math.round((utc(parseIsoDate(endIso)).getTime() - utc(parseIsoDate(startIso)).getTime()) / 86_400_000);
}

/** Today's date (YYYY-MM-DD) in a time zone: the date a letter is signed on. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A moment of arrival or departure as people read it: an ISO date-time at the start becomes
 * "22 April 2027, 10:30" (an instant with Z or an offset is shown in the given zone), an ISO date
 * "22 April 2027", and what follows a comma is kept ("2027-04-22T10:30, FB 361" → "22 April 2027,
 * 10:30, FB 361"); anything else is printed as it is. With `contextYear`, a date in that year is
 * written without it ("22 April, 10:30"), as in a list of one visit.
 */
export function formatMoment(lang: DocumentLanguage, value: string, timeZone: string, options: { contextYear?: number } = {}): string {
  const date = (iso: string) => {
    const d = parseIsoDate(iso);
    return d.year === options.contextYear ? dayMonth(lang, d) : formatDate(lang, iso);
  };
  const trimmed = value.trim();
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?=$|,)(.*)$/s.exec(trimmed);
  if (!match) return trimmed;
  const [, day, time, zone, rest] = match;
  let moment: string;
  if (!time) moment = date(day);
  else if (!zone) moment = `${date(day)}, ${time}`;
  else {
    const instant = new Date(trimmed.slice(0, trimmed.length - rest.length).replace(' ', 'T'));
    if (Number.isNaN(instant.getTime())) return trimmed;
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    moment = `${date(`${get('year')}-${get('month')}-${get('day')}`)}, ${get('hour')}:${get('minute')}`;
  }
  return moment + rest;
}
