import type { MultilingualText } from '../../../contracts/common/multilingual';
import type { Visit, VisitCreate, VisitDirection } from '../../../contracts/visits';
import { cleanMultilingual, formMultilingual } from '../../ui/multilingual';

/** What the visit form edits: strings where the API has nullable text (empty = not given). */
export type VisitFormValues = {
  direction: VisitDirection;
  status: string;
  title: MultilingualText;
  purpose: MultilingualText;
  startDate: string;
  endDate: string;
  /** A new visit starts in the office's zone; empty: the server decides (the office's zone for a visit, the destination's for a trip). */
  timeZone: string | null;
  organizationId: string | null;
  country: string | null;
  city: string;
  guestLanguages: string[];
  responsibleId: string | null;
  contactPhone: string;
  notes: string;
  confidential: boolean;
  /** Directory people who host the visit (incoming) or travel (outgoing): participants. */
  officials: string[];
};

/** The participant role of the officials the form lists, by direction. */
export const officialRole = (direction: VisitDirection) => (direction === 'incoming' ? 'host' : 'traveller');

/** `office` is for a new record: who is responsible (the user), and the office's zone for an incoming visit. */
export function visitFormValues(visit: Visit | null, uiLanguage: string, direction: VisitDirection = 'incoming', office: { meId: string; timeZone: string } | null = null): VisitFormValues {
  const role = officialRole(visit?.direction ?? direction);
  return {
    direction: visit?.direction ?? direction,
    status: visit?.status ?? 'proposed',
    title: formMultilingual(visit?.title, uiLanguage),
    purpose: formMultilingual(visit?.purpose, uiLanguage),
    startDate: visit?.startDate ?? '',
    endDate: visit?.endDate ?? '',
    timeZone: visit ? visit.timeZone : defaultTimeZone(direction, office?.timeZone ?? null),
    organizationId: visit?.organization?.id ?? null,
    country: visit?.country ?? null,
    city: visit?.city ?? '',
    guestLanguages: visit?.guestLanguages ?? [],
    responsibleId: visit ? (visit.responsible?.id ?? null) : (office?.meId ?? null),
    contactPhone: visit?.contactPhone ?? '',
    notes: visit?.notes ?? '',
    confidential: visit?.confidential ?? false,
    officials: (visit?.participants ?? []).filter((p) => p.role === role && p.person).map((p) => p.person!.id),
  };
}

/** The API payload (VisitCreate) for form values; the officials are saved as participants. */
export function visitPayload(v: VisitFormValues): VisitCreate {
  const title = cleanMultilingual(v.title) ?? { original: v.title.original, values: {} };
  return {
    direction: v.direction,
    status: v.status as VisitCreate['status'],
    title,
    purpose: cleanMultilingual(v.purpose),
    startDate: v.startDate,
    endDate: v.endDate,
    timeZone: v.timeZone || null,
    organizationId: v.organizationId || null,
    country: v.country || null,
    city: v.city.trim() || null,
    guestLanguages: v.guestLanguages,
    responsibleId: v.responsibleId || null,
    contactPhone: v.contactPhone.trim() || null,
    notes: v.notes,
    confidential: v.confidential,
  };
}

/** A new visit happens where the office is; a trip's zone follows its destination (empty: the server picks it). */
export const defaultTimeZone = (direction: VisitDirection, officeZone: string | null): string | null => (direction === 'incoming' ? officeZone : null);

/** Every IANA zone the browser knows: the office's first, then the two of the office's countries. */
export function timeZoneOptions(officeZone?: string): string[] {
  const first = [...new Set([officeZone, 'Europe/Sofia', 'Asia/Tbilisi'].filter((z): z is string => !!z))];
  const all = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...first, ...all.filter((z) => !first.includes(z))];
}
