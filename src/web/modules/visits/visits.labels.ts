import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/audit';
import { countryName } from '../../../contracts/common/countries';
import { pickText, type MultilingualText } from '../../../contracts/common/multilingual';
import type { Participant, ProgrammeItem, VisitSummary } from '../../../contracts/visits';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { languageInText } from '../../ui/languages';
import { colleaguesQuery } from '../../ui/UserSelect';

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

/** The records inside a visit, by their audit entity type: the locale section of their form. */
const CHILD_SECTIONS: Record<string, string> = {
  visit_participant: 'participants',
  programme_item: 'programme',
  visit_accommodation: 'accommodation',
  visit_transport: 'transport',
  visit_task: 'tasks',
  gift: 'gifts',
  visit_ticket: 'tickets',
  visit_budget_line: 'budget',
  visit_share_link: 'sharing',
};
/** Stored names of a record's fields where its form's label has another key. */
const CHILD_FIELD_KEYS: Record<string, string> = {
  startTime: 'start',
  endTime: 'end',
  attendeeIds: 'attendees',
  assigneeId: 'assignee',
  participantId: 'traveller',
  fromPlace: 'from',
  toPlace: 'to',
  hotelOrganizationId: 'hotel',
  expiresAt: 'until',
};
const DATE_FIELDS = new Set(['startDate', 'endDate', 'day', 'date', 'dueDate', 'checkIn', 'checkOut']);
const USER_FIELDS = new Set(['responsibleId', 'assigneeId', 'ownerId']);

const isMultilingual = (value: unknown): value is MultilingualText => !!value && typeof value === 'object' && 'original' in value && 'values' in value;

/**
 * Field names and values of a visit and of the records inside it, as the history list and the
 * conflict alert show them; `programme` names rearranged items, `participants` attendees.
 */
export function useVisitFieldText(programme: Pick<ProgrammeItem, 'id' | 'title'>[] = [], participants: Pick<Participant, 'id' | 'name' | 'nameLatin'>[] = []) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const { can } = useSession();
  const colleagues = useQuery({ ...colleaguesQuery, enabled: can('colleagues.read') });
  /** A text of this namespace, if the key names one (not a group of texts). */
  const text = (key: string): string | undefined => {
    const value: unknown = t(key, { returnObjects: true, defaultValue: '' });
    return typeof value === 'string' && value ? value : undefined;
  };
  const fieldLabel = (field: string, entry?: Pick<AuditEntry, 'entityType'>): string | undefined => {
    if (field.startsWith('programme ')) return t('history.programmeOf', { date: formatDate(field.slice(10), lang) });
    const section = entry ? CHILD_SECTIONS[entry.entityType] : undefined;
    // Each section's own `title` is its heading; a task's title is its name.
    if (field === 'title') return section === 'tasks' ? t('tasks.taskTitle') : t('fields.title');
    return (section && text(`${section}.${CHILD_FIELD_KEYS[field] ?? field}`)) || text(`fields.${field}`);
  };
  const formatValue = (field: string, value: unknown, entry?: Pick<AuditEntry, 'entityType'>): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    const child = entry ? CHILD_SECTIONS[entry.entityType] : undefined;
    if (field === 'direction' && typeof value === 'string') return child === 'gifts' ? t(`gifts.directions.${value}`, { defaultValue: value }) : t(`directions.${value}`, { defaultValue: value });
    if (field === 'status' && typeof value === 'string') return t(`statuses.${value}`, { defaultValue: value });
    if (field === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
    if (field === 'country' && typeof value === 'string') return countryName(value, lang);
    if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value, lang);
    if (field === 'guestLanguages' && Array.isArray(value)) return value.map((c) => languageInText(String(c), lang)).join(', ') || undefined;
    if (field === 'language' && typeof value === 'string') return languageInText(value, lang);
    if (USER_FIELDS.has(field) && typeof value === 'string') return colleagues.data?.items.find((u) => u.id === value)?.name;
    if ((field === 'attendeeIds' || field === 'participantId') && (Array.isArray(value) || typeof value === 'string')) {
      const names = new Map(participants.map((p) => [p.id, participantLabel(p)]));
      return ([] as unknown[]).concat(value).map((id) => names.get(String(id)) ?? '?').join(', ') || undefined;
    }
    if (isMultilingual(value)) return pickText(value, lang) || undefined;
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
  /** A record inside the visit: its kind ("Programme item"); the visit's own entries need none. */
  const entryLabel = (entry: Pick<AuditEntry, 'entityType'>): string | undefined =>
    entry.entityType in CHILD_SECTIONS ? t(`history.entities.${entry.entityType}`, { defaultValue: entry.entityType }) : undefined;
  return { fieldLabel, formatValue, entryLabel };
}

/** Separators for amounts typed in a NumberInput, as the UI language writes them. */
export const numberSeparators = (lang: string) => (lang === 'en' ? { decimalSeparator: '.', thousandSeparator: ',' } : { decimalSeparator: ',', thousandSeparator: ' ' });
