import { z } from 'zod';
import { UI_LOCALES, isUiLocale, type UiLocale } from './locales.js';

export { UI_LOCALES, isUiLocale, type UiLocale } from './locales.js';
export const UiLocaleSchema = z.enum(UI_LOCALES).describe('User interface language');

/** Content may be in any ISO 639-1 language, not only the UI ones: more can be added without code. */
export const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, 'language_code')
  .describe('ISO 639-1 language code, e.g. bg, ka, en, de');
export type LanguageCode = z.infer<typeof LanguageCodeSchema>;

/** Picks the best UI locale from an Accept-Language header value. */
export function localeFromAcceptLanguage(header: string | undefined): UiLocale {
  if (!header) return 'en';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isUiLocale(tag)) return tag;
  }
  return 'en';
}
