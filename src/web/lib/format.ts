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

export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  if (locale === 'ka' && intlLacks(locale)) return dayjs(value).locale('ka').format('D MMM YYYY');
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium' }).format(new Date(value));
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
