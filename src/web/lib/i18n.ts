import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LOCALES, isUiLocale, type UiLocale } from '../../contracts/common/languages.js';
import { apiState } from './api.js';

/**
 * UI text lives next to each module in locales/{bg,ka,en}.json; the namespace is the module's
 * folder name ("app" for the shell, "ui" for the shared components). A unit test fails when a key is missing in any language.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>(['../app/locales/*.json', '../ui/locales/*.json', '../modules/*/locales/*.json'], {
  eager: true,
});

export const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const match = path.match(/(?:(app|ui)|modules\/([^/]+))\/locales\/(\w+)\.json$/);
  if (!match) continue;
  const ns = match[1] ?? match[2];
  const lang = match[3];
  resources[lang] ??= {};
  resources[lang][ns] = mod.default;
}

const STORAGE_KEY = 'legato.locale';

export function initialLocale(): UiLocale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isUiLocale(stored)) return stored;
  const nav = navigator.language?.slice(0, 2);
  return isUiLocale(nav) ? nav : 'bg';
}

export function setLocale(locale: UiLocale) {
  localStorage.setItem(STORAGE_KEY, locale);
  apiState.setLocale(locale);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

const start = initialLocale();
apiState.setLocale(start);
document.documentElement.lang = start;

void i18n.use(initReactI18next).init({
  resources,
  lng: start,
  fallbackLng: false,
  supportedLngs: [...UI_LOCALES],
  defaultNS: 'app',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
