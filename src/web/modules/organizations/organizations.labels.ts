import { useTranslation } from 'react-i18next';
import { countryName } from '../../../contracts/common/countries';
import { pickText } from '../../../contracts/common/multilingual';
import type { Organization } from '../../../contracts/organizations';
import { languageInText } from '../../ui/languages';

/** An organisation's name in the UI language (from its data, never a locale key). */
export function organizationName(org: Pick<Organization, 'name'> | { name: { original: string; values: Record<string, string> } | null } | null | undefined, lang: string): string {
  return org?.name ? pickText(org.name, lang) : '';
}

/** Field names and values of an organisation as the history list and conflict alert show them. */
export function useOrganizationFieldText() {
  const { t, i18n } = useTranslation('organizations');
  const lang = i18n.language;
  const fieldLabel = (field: string): string | undefined => {
    const key = `fields.${field}`;
    return i18n.exists(`organizations:${key}`) ? t(key) : undefined;
  };
  const formatValue = (field: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (field === 'kind' && typeof value === 'string') return t(`kinds.${value}`, { defaultValue: value });
    if (field === 'country' && typeof value === 'string') return countryName(value, lang);
    if (field === 'languages' && Array.isArray(value)) return value.map((c) => languageInText(String(c), lang)).join(', ') || undefined;
    if (field === 'addresses' && Array.isArray(value)) {
      return (
        value
          .map((a: Record<string, string | null>) => [a.label, a.street, a.postcode, a.city, a.country ? countryName(a.country, lang) : null].filter(Boolean).join(', '))
          .join(' | ') || undefined
      );
    }
    return undefined;
  };
  return { fieldLabel, formatValue };
}
