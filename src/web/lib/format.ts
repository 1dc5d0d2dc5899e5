/** Dates and numbers through Intl, in the UI language. */
import dayjs from 'dayjs';
import 'dayjs/locale/ka';

const tag = (locale: string) => (locale === 'ka' ? 'ka-GE' : locale === 'bg' ? 'bg-BG' : 'en-GB');

/**
 * Chrome ships without Georgian date and number data (Intl silently falls back to en-US), so
 * Georgian dates go through dayjs's Georgian locale there, and numbers use the same separators
 * as Georgian (space for thousands, comma for decimals) from a locale Chrome has.
 */
const intlLacks = (locale: string) => Intl.DateTimeFormat.supportedLocalesOf([tag(locale)]).length === 0;

/** Whether dates in this UI language must come from dayjs (Georgian in Chromium) rather than Intl. */
export const lacksIntlDates = (locale: string): boolean => locale === 'ka' && intlLacks(locale);

/**
 * A calendar date ('YYYY-MM-DD') in a dayjs pattern with the Georgian month and weekday names:
 * for widgets with their own date formats (the calendar) where Intl has no Georgian.
 */
export const formatGeorgianDate = (date: string, pattern: string): string => dayjs(date).locale('ka').format(pattern);

/** A calendar date without a time ('YYYY-MM-DD') is the same day everywhere: formatted as UTC. */
const isCalendarDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  if (locale === 'ka' && intlLacks(locale)) return dayjs(value).locale('ka').format('D MMM YYYY');
  if (isCalendarDate(value)) return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium' }).format(new Date(value));
}

/** A calendar date ('YYYY-MM-DD') with its weekday, e.g. "Monday, 12 May 2026". */
export function formatDay(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  if (locale === 'ka' && intlLacks(locale)) return dayjs(value).locale('ka').format('dddd, D MMMM YYYY');
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}

export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  if (locale === 'ka' && intlLacks(locale)) return dayjs(value).locale('ka').format('D MMM YYYY, HH:mm');
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatNumber(value: number, locale: string): string {
  if (locale === 'ka' && intlLacks(locale)) return new Intl.NumberFormat('ru-RU').format(value);
  return new Intl.NumberFormat(tag(locale)).format(value);
}

/** An amount with its ISO 4217 currency code, two decimals: "1 250,00 EUR". */
export function formatMoney(value: number, currency: string, locale: string): string {
  const number = new Intl.NumberFormat(locale === 'ka' && intlLacks(locale) ? 'ru-RU' : tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return `${number} ${currency}`;
}
