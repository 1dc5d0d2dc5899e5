import { COMMON_LANGUAGES, languageName as intlLanguageName, type SelectOption } from '../../contracts/common/countries';

/**
 * Georgian names of the common languages (CLDR wording). Some browsers ship ICU without Georgian
 * display names (Debian's Chromium does): Intl then answers in English, so these stand in.
 */
const GEORGIAN_NAMES: Record<string, string> = {
  bg: 'ბულგარული', ka: 'ქართული', en: 'ინგლისური', de: 'გერმანული', fr: 'ფრანგული', ru: 'რუსული', tr: 'თურქული',
  el: 'ბერძნული', ro: 'რუმინული', sr: 'სერბული', mk: 'მაკედონიური', uk: 'უკრაინული', hy: 'სომხური',
  az: 'აზერბაიჯანული', it: 'იტალიური', es: 'ესპანური', pt: 'პორტუგალიური', pl: 'პოლონური', cs: 'ჩეხური',
  sk: 'სლოვაკური', hu: 'უნგრული', nl: 'ნიდერლანდური', sv: 'შვედური', da: 'დანიური', fi: 'ფინური',
  no: 'ნორვეგიული', et: 'ესტონური', lv: 'ლატვიური', lt: 'ლიტვური', sl: 'სლოვენური', hr: 'ხორვატული',
  bs: 'ბოსნიური', sq: 'ალბანური', he: 'ებრაული', ar: 'არაბული', fa: 'სპარსული', zh: 'ჩინური', ja: 'იაპონური',
  ko: 'კორეული', hi: 'ჰინდი',
};

const intlKnows = new Map<string, boolean>();
function intlHasNames(locale: string): boolean {
  let known = intlKnows.get(locale);
  if (known === undefined) {
    try {
      known = Intl.DisplayNames.supportedLocalesOf([locale]).length > 0 && new Intl.DisplayNames([locale], { type: 'language' }).of('en') !== 'English';
    } catch {
      known = false;
    }
    intlKnows.set(locale, known);
  }
  return known;
}

/** A language's name in the UI language, with the Georgian stand-ins when the browser lacks them. */
export function languageName(code: string, locale: string): string {
  const base = locale.split(/[-_]/)[0]!;
  if (base === 'ka' && !intlHasNames('ka') && GEORGIAN_NAMES[code]) return GEORGIAN_NAMES[code];
  return intlLanguageName(code, locale);
}

/** The common languages as select options, labelled in the UI language and sorted by label. */
export function languageOptions(locale: string): SelectOption[] {
  const collator = new Intl.Collator(locale);
  return COMMON_LANGUAGES.map((value) => ({ value, label: languageName(value, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Old or duplicate two-letter tags that Intl still names (iw = he, in = id …): never offered. */
const DEPRECATED = new Set(['iw', 'in', 'ji', 'jw', 'mo']);
const cache = new Map<string, SelectOption[]>();

/**
 * Every ISO 639-1 language the browser can name, labelled in `locale`: the common ones first,
 * then the rest by name. Content may be written in any of them.
 */
export function allLanguageOptions(locale: string): SelectOption[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  const common = new Set<string>(COMMON_LANGUAGES);
  const rest: SelectOption[] = [];
  const a = 'a'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(a + i, a + j);
      if (common.has(code) || DEPRECATED.has(code)) continue;
      const label = languageName(code, locale);
      if (label !== code) rest.push({ value: code, label });
    }
  }
  const collator = new Intl.Collator(locale);
  rest.sort((x, y) => collator.compare(x.label, y.label));
  const commonOptions = COMMON_LANGUAGES.map((value) => ({ value, label: languageName(value, locale) }));
  const out = [...commonOptions, ...rest];
  cache.set(locale, out);
  return out;
}

/** A language's name for use inside a sentence or a label ("Name (Bulgarian)", "Име (български)"). */
export function languageInText(code: string, locale: string): string {
  const name = languageName(code, locale);
  if (locale.startsWith('en') || name === code) return name;
  return name.charAt(0).toLocaleLowerCase(locale) + name.slice(1);
}
