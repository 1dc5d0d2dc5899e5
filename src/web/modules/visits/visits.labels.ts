import { useTranslation } from 'react-i18next';
import { countryName } from '../../../contracts/common/countries';
import { pickText } from '../../../contracts/common/multilingual';
import type { Participant, ProgrammeItem, VisitSummary } from '../../../contracts/visits';
import { formatDate } from '../../lib/format';
import { languageInText } from '../../ui/languages';

/** A visit's title in the UI language (from its data, never a locale key). */
export const visitTitle = (v: Pick<VisitSummary, 'title'> | null | undefined, lang: string): string => (v ? pickText(v.title, lang) : '');

/** Status colours; the status is always written out too, never shown by colour alone. */
export const STATUS_COLOURS: Record<string, string> = {
  proposed: 'gray',
  confirmed: 'blue',
  in_progress: 'teal',
  done: 'green',
  cancelled: 'red',
};

/** "12 May 2026 – 14 May 2026", or one date when the visit lasts a day. */
export function dateRange(start: string, end: string, lang: string): string {
  return start === end ? formatDate(start, lang) : `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** A wall-clock 'YYYY-MM-DDTHH:MM' as "12 May 2026, 11:40" (its zone is the visit's). */
export function localDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  return `${formatDate(value.slice(0, 10), lang)}, ${value.slice(11, 16)}`;
}

/** The days of a visit, 'YYYY-MM-DD', from its first to its last. */
export function visitDays(start: string, end: string): string[] {
  const days: string[] = [];
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let d = Date.parse(`${start}T00:00:00Z`); d <= last && days.length < 400; d += 86_400_000) days.push(new Date(d).toISOString().slice(0, 10));
  return days;
}

/** "Нино Беридзе (Nino Beridze)": the name as written, and in Latin letters when different. */
export function participantLabel(p: Pick<Participant, 'name' | 'nameLatin'>): string {
  return p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name;
}

/** Field names and values of a visit as the history list and conflict alert show them; `programme` names rearranged items. */
export function useVisitFieldText(programme: Pick<ProgrammeItem, 'id' | 'title'>[] = []) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const fieldLabel = (field: string): string | undefined => {
    if (field.startsWith('programme ')) return t('history.programmeOf', { date: formatDate(field.slice(10), lang) });
    return i18n.exists(`visits:fields.${field}`) ? t(`fields.${field}`) : undefined;
  };
  const formatValue = (field: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (field === 'direction' && typeof value === 'string') return t(`directions.${value}`, { defaultValue: value });
    if (field === 'status' && typeof value === 'string') return t(`statuses.${value}`, { defaultValue: value });
    if (field === 'country' && typeof value === 'string') return countryName(value, lang);
    if ((field === 'startDate' || field === 'endDate') && typeof value === 'string') return formatDate(value, lang);
    if (field === 'guestLanguages' && Array.isArray(value)) return value.map((c) => languageInText(String(c), lang)).join(', ') || undefined;
    if (field.startsWith('programme ') && Array.isArray(value)) {
      const titles = new Map(programme.map((i) => [i.id, pickText(i.title, lang)]));
      return (
        value
          .map((item: { id?: string; start?: string; end?: string | null }) => [[item.start, item.end].filter(Boolean).join('–'), titles.get(item.id ?? '')].filter(Boolean).join(' '))
          .join('; ') || undefined
      );
    }
    return undefined;
  };
  return { fieldLabel, formatValue };
}

/** Separators for amounts typed in a NumberInput, as the UI language writes them. */
export const numberSeparators = (lang: string) => (lang === 'en' ? { decimalSeparator: '.', thousandSeparator: ',' } : { decimalSeparator: ',', thousandSeparator: ' ' });
