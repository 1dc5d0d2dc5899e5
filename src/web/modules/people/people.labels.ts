import { useTranslation } from 'react-i18next';
import { pickText } from '../../../contracts/common/multilingual';
import type { Person } from '../../../contracts/people';
import { languageInText } from '../../ui/languages';

/** "Мариам Габелия (Mariam Gabelia)": the name as written, and in Latin letters when different. */
export function personLabel(p: Pick<Person, 'name' | 'nameLatin'>): string {
  return p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name;
}

/** Position and title in the UI language, from the data. */
export function personRole(p: Pick<Person, 'position' | 'title'>, lang: string): string {
  return [pickText(p.position, lang), pickText(p.title, lang)].filter(Boolean).join(', ');
}

/** Field names and values of a person as the history list and conflict alert show them. */
export function usePersonFieldText() {
  const { t, i18n } = useTranslation('people');
  const lang = i18n.language;
  const fieldLabel = (field: string): string | undefined => (i18n.exists(`people:fields.${field}`) ? t(`fields.${field}`) : undefined);
  const formatValue = (field: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (field === 'precedenceCategory' && typeof value === 'string') return t(`precedence.${value}`, { defaultValue: value });
    if (field === 'lawfulBasis' && typeof value === 'string') return t(`lawfulBasis.${value}`, { defaultValue: value });
    if (field === 'languages' && Array.isArray(value)) return value.map((c) => languageInText(String(c), lang)).join(', ') || undefined;
    if (field === 'formOfAddress' && typeof value === 'object') {
      return (
        Object.entries(value as Record<string, string>)
          .filter(([, v]) => v)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ') || undefined
      );
    }
    if (field === 'phones' && Array.isArray(value)) return value.map((p: { label: string; number: string }) => (p.label ? `${p.label}: ${p.number}` : p.number)).join(', ') || undefined;
    if (field === 'accompanyingPersons' && Array.isArray(value)) {
      return value.map((a: { name: string; relation: string }) => (a.relation ? `${a.name} (${a.relation})` : a.name)).join(', ') || undefined;
    }
    return undefined;
  };
  return { fieldLabel, formatValue };
}
