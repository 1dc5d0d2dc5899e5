/**
 * Country and language names in the interface languages (bg, ka, en).
 *
 * Pure module shared by the browser and the server. Country names come from
 * `i18n-iso-countries` with only the bg, ka and en locales registered (imported statically so
 * Vite bundles them). The package's plain `index.js` is imported rather than its Node entry,
 * which would register all of its ~80 locales on the server only: this way the server and the
 * browser give the same names. Language names come from `Intl.DisplayNames`.
 */
import countries from 'i18n-iso-countries/index.js';
import bgCountries from 'i18n-iso-countries/langs/bg.json' with { type: 'json' };
import enCountries from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import kaCountries from 'i18n-iso-countries/langs/ka.json' with { type: 'json' };

countries.registerLocale(bgCountries);
countries.registerLocale(enCountries);
countries.registerLocale(kaCountries);

export interface SelectOption {
  value: string;
  label: string;
}

/** 'bg-BG' → 'bg'; '' → 'en'. */
function baseLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]?.toLowerCase() || 'en';
}

function collator(locale: string): Intl.Collator {
  try {
    return new Intl.Collator(locale);
  } catch {
    return new Intl.Collator('en');
  }
}

/** True for an ISO 3166-1 alpha-2 code, upper case, as stored (e.g. 'BG', 'GE', 'XK'). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * The name of a country in `locale`; falls back to English, then to the code itself.
 * Accepts alpha-2 codes in any letter case (and alpha-3 or numeric codes).
 */
export function countryName(code: string, locale: string): string {
  const key = code.trim().toUpperCase();
  if (!key) return code;
  return countries.getName(key, baseLanguage(locale)) ?? countries.getName(key, 'en') ?? code;
}

/** Every country as an option for a select, labelled in `locale` and sorted by label. */
export function countryOptions(locale: string): SelectOption[] {
  const lang = baseLanguage(locale);
  const english = countries.getNames('en');
  const local = countries.getNames(lang);
  const cmp = collator(locale);
  return Object.keys(english)
    .map((value) => ({ value, label: local[value] ?? english[value] ?? value }))
    .sort((a, b) => cmp.compare(a.label, b.label));
}

/**
 * ISO 639-1 codes an international-relations office commonly needs, the interface languages
 * first. Content may still be in any other ISO 639-1 language.
 */
export const COMMON_LANGUAGES = [
  'bg', 'ka', 'en', 'de', 'fr', 'ru', 'tr', 'el', 'ro', 'sr',
  'mk', 'uk', 'hy', 'az', 'it', 'es', 'pt', 'pl', 'cs', 'sk',
  'hu', 'nl', 'sv', 'da', 'fi', 'no', 'et', 'lv', 'lt', 'sl',
  'hr', 'bs', 'sq', 'he', 'ar', 'fa', 'zh', 'ja', 'ko', 'hi',
] as const;

const languageNamesCache = new Map<string, Intl.DisplayNames | null>();

function languageNames(locale: string): Intl.DisplayNames | null {
  let names = languageNamesCache.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    languageNamesCache.set(locale, names);
  }
  return names;
}

/** Upper-cases the first letter, except Georgian, which has no case (upper-casing gives Mtavruli). */
function capitalise(name: string): string {
  const first = name.charAt(0);
  return /\p{Script=Georgian}/u.test(first) ? name : first.toUpperCase() + name.slice(1);
}

/**
 * The name of a language (ISO 639-1 code) in `locale`, by `Intl.DisplayNames`, with the first
 * letter capitalised for use as a label ('bg' in bg → 'Български'); the code when unknown.
 */
export function languageName(code: string, locale: string): string {
  const key = code.trim();
  if (!key) return code;
  let name: string | undefined;
  try {
    name = languageNames(locale)?.of(key);
  } catch {
    name = undefined; // not a well-formed language tag
  }
  if (!name || name === key) return code;
  return capitalise(name);
}

/** COMMON_LANGUAGES as options for a select, labelled in `locale` and sorted by label. */
export function languageOptions(locale: string): SelectOption[] {
  const cmp = collator(locale);
  return COMMON_LANGUAGES.map((value) => ({ value, label: languageName(value, locale) })).sort((a, b) =>
    cmp.compare(a.label, b.label),
  );
}

/** The alpha-2 code for a code or a country name in bg, ka or en ("Georgia", "Грузия", "საქართველო"); null if unknown. */
export function countryCodeFrom(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (/^[a-zA-Z]{2}$/.test(v) && isCountryCode(v.toUpperCase())) return v.toUpperCase();
  for (const lang of ['en', 'bg', 'ka']) {
    const code = countries.getAlpha2Code(v, lang);
    if (code) return code;
  }
  return null;
}
