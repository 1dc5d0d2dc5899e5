/**
 * Calendar dates ('YYYY-MM-DD'), local times ('HH:MM') and IANA time zones, without a date
 * library: pure functions shared by the server and the web app (Intl does the zone rules).
 */
import { z } from 'zod';

export const IsoDateSchema = z.iso.date().describe('Calendar date, YYYY-MM-DD');
export const LocalTimeSchema = z.iso.time({ precision: -1 }).describe('Local time of day, HH:MM (24-hour)');
/** A wall-clock date and time without a zone; the zone is stored beside it. */
export const LocalDateTimeSchema = z.iso
  .datetime({ local: true, precision: -1 })
  .refine((v) => !v.endsWith('Z'), { message: 'invalid_date' })
  .describe('Local date and time, YYYY-MM-DDTHH:MM (no zone: the zone is a separate field)');

export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,60}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'invalid_time_zone' })
  .describe('IANA time zone, e.g. Europe/Sofia, Asia/Tbilisi');

/**
 * The zone of a country that keeps one time (or whose capital's zone is the usual choice), for
 * the destination of a trip. Countries spanning several zones (US, RU, KZ, ...) are left out:
 * a trip there names its zone.
 */
const COUNTRY_ZONES: Record<string, string> = {
  AD: 'Europe/Andorra', AE: 'Asia/Dubai', AL: 'Europe/Tirane', AM: 'Asia/Yerevan', AT: 'Europe/Vienna',
  AZ: 'Asia/Baku', BA: 'Europe/Sarajevo', BE: 'Europe/Brussels', BG: 'Europe/Sofia', BY: 'Europe/Minsk',
  CH: 'Europe/Zurich', CN: 'Asia/Shanghai', CY: 'Asia/Nicosia', CZ: 'Europe/Prague', DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', EG: 'Africa/Cairo', ES: 'Europe/Madrid', FI: 'Europe/Helsinki',
  FR: 'Europe/Paris', GB: 'Europe/London', GE: 'Asia/Tbilisi', GR: 'Europe/Athens', HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest', IE: 'Europe/Dublin', IL: 'Asia/Jerusalem', IN: 'Asia/Kolkata', IQ: 'Asia/Baghdad',
  IR: 'Asia/Tehran', IS: 'Atlantic/Reykjavik', IT: 'Europe/Rome', JO: 'Asia/Amman', JP: 'Asia/Tokyo',
  KG: 'Asia/Bishkek', KR: 'Asia/Seoul', LB: 'Asia/Beirut', LI: 'Europe/Vaduz', LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg', LV: 'Europe/Riga', MC: 'Europe/Monaco', MD: 'Europe/Chisinau', ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje', MT: 'Europe/Malta', NL: 'Europe/Amsterdam', NO: 'Europe/Oslo', PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon', QA: 'Asia/Qatar', RO: 'Europe/Bucharest', RS: 'Europe/Belgrade', SA: 'Asia/Riyadh',
  SE: 'Europe/Stockholm', SI: 'Europe/Ljubljana', SK: 'Europe/Bratislava', SM: 'Europe/San_Marino', TJ: 'Asia/Dushanbe',
  TM: 'Asia/Ashgabat', TR: 'Europe/Istanbul', UA: 'Europe/Kyiv', UZ: 'Asia/Tashkent', VA: 'Europe/Vatican',
  XK: 'Europe/Belgrade',
};

export function countryTimeZone(country: string | null | undefined): string | null {
  return (country && COUNTRY_ZONES[country]) || null;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormatters.set(timeZone, f);
  }
  return f;
}

const DAY_MS = 86_400_000;
/** Per zone and UTC day: the offset when it holds all day, or null on a day the zone changes it. */
const dayOffsets = new Map<string, number | null>();

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(utcMs: number, timeZone: string): number {
  const day = Math.floor(utcMs / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    // A zone changes its offset at most once in a day: the same offset at both ends holds all day.
    const first = exactOffsetAt(day * DAY_MS, timeZone);
    offset = first === exactOffsetAt((day + 1) * DAY_MS, timeZone) ? first : null;
    if (dayOffsets.size >= 20_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset ?? exactOffsetAt(utcMs, timeZone);
}

function exactOffsetAt(utcMs: number, timeZone: string): number {
  const parts = zoneFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utcMs;
}

/** The instant (ms since the epoch) of a wall-clock 'YYYY-MM-DDTHH:MM' in a zone. */
export function zonedInstant(local: string, timeZone: string): number {
  const [date, time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  let instant = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(instant, timeZone); // across a DST change the first guess is an hour off
  if (second !== instant) instant = second;
  return instant;
}

/** Today's date in a zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const toUtc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** `date` plus whole months, the day clamped to the month's end (as PostgreSQL's date + interval). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)));
}

/** A refinement: `before_start` on `endKey` when both ends are there and the end comes first. */
export function endNotBeforeStart<K extends string>(startKey: K, endKey: K, compare: (start: string, end: string) => number = (a, b) => a.localeCompare(b)) {
  return (value: Partial<Record<K, unknown>>, ctx: z.RefinementCtx) => {
    const start = value[startKey];
    const end = value[endKey];
    if (typeof start === 'string' && typeof end === 'string' && compare(start, end) > 0) {
      ctx.addIssue({ code: 'custom', path: [endKey], message: 'before_start' });
    }
  };
}
