/**
 * The languages the user interface is written in. Zod-free on purpose: the web app's first load
 * needs these, and not the validation library (languages.ts has the schemas).
 */
export const UI_LOCALES = ['bg', 'ka', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}
