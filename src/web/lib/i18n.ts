import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LOCALES, isUiLocale, type UiLocale } from '../../contracts/common/locales.js';
import { apiState } from './api.js';

/**
 * UI text lives next to each module in locales/{bg,ka,en}.json; the namespace is the module's
 * folder name ("app" for the shell, "ui" for the shared components). A unit test fails when a key is missing in any language.
 *
 * Only the language in use is downloaded: each file is its own small chunk, fetched when the
 * app starts or the user switches language (the three languages together would add about
 * 20 kB gzip to every first visit, and grow with every module).
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>(['../app/locales/*.json', '../ui/locales/*.json', '../modules/*/locales/*.json']);

const byLanguage = new Map<string, { ns: string; load: () => Promise<{ default: Record<string, unknown> }> }[]>();
for (const [path, load] of Object.entries(files)) {
  const match = path.match(/(?:(app|ui)|modules\/([^/]+))\/locales\/(\w+)\.json$/);
  if (!match) continue;
  const lang = match[3]!;
  byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), { ns: (match[1] ?? match[2])!, load }]);
}

const loaded = new Map<string, Promise<Record<string, Record<string, unknown>>>>();

/** Every namespace of one language (once per language; a failed download is tried again next time). */
function loadLanguage(lang: UiLocale): Promise<Record<string, Record<string, unknown>>> {
  let pending = loaded.get(lang);
  if (!pending) {
    pending = Promise.all((byLanguage.get(lang) ?? []).map(async ({ ns, load }) => [ns, (await load()).default] as const)).then(Object.fromEntries);
    pending.catch(() => loaded.delete(lang));
    loaded.set(lang, pending);
  }
  return pending;
}

const STORAGE_KEY = 'legato.locale';

export function initialLocale(): UiLocale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isUiLocale(stored)) return stored;
  const nav = navigator.language?.slice(0, 2);
  return isUiLocale(nav) ? nav : 'bg';
}

let latest = 0;

/**
 * Switches the UI language: its texts are fetched first, then the page changes at once. When
 * switches overlap (the account's language on sign-in, then the user's pick), the last one wins.
 */
export async function setLocale(locale: UiLocale): Promise<void> {
  const request = ++latest;
  localStorage.setItem(STORAGE_KEY, locale);
  apiState.setLocale(locale);
  const bundles = await loadLanguage(locale);
  if (request !== latest) return;
  for (const [ns, data] of Object.entries(bundles)) if (!i18n.hasResourceBundle(locale, ns)) i18n.addResourceBundle(locale, ns, data, true, true);
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/**
 * Loads a language's texts without switching the interface to it: for a page shown in another
 * language than the user's (a programme shared with guests, in the language of its link).
 */
export async function loadLanguageTexts(locale: UiLocale): Promise<void> {
  const bundles = await loadLanguage(locale);
  for (const [ns, data] of Object.entries(bundles)) if (!i18n.hasResourceBundle(locale, ns)) i18n.addResourceBundle(locale, ns, data, true, true);
}

const start = initialLocale();
apiState.setLocale(start);

/** Resolves when the first language's texts are in: the app renders after it. */
export const i18nReady: Promise<void> = loadLanguage(start).then(async (bundles) => {
  await i18n.use(initReactI18next).init({
    resources: { [start]: bundles },
    lng: start,
    fallbackLng: false,
    supportedLngs: [...UI_LOCALES],
    partialBundledLanguages: true,
    defaultNS: 'app',
    ns: Object.keys(bundles),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = start;
});

export default i18n;
