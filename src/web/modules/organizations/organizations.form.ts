import type { MultilingualText } from '../../../contracts/common/multilingual';
import type { Organization, OrganizationCreate } from '../../../contracts/organizations';
import { cleanMultilingual, formMultilingual } from '../../ui/multilingual';

export type AddressValues = { label: string; street: string; city: string; postcode: string; country: string | null };

/** What the form edits: strings where the API has nullable text (empty = not given). */
export type OrganizationFormValues = {
  kind: string | null;
  name: MultilingualText;
  shortName: string;
  country: string | null;
  city: string;
  languages: string[];
  website: string;
  email: string;
  phone: string;
  addresses: AddressValues[];
  tags: string[];
  notes: string;
  confidential: boolean;
};

export const emptyAddress = (): AddressValues => ({ label: '', street: '', city: '', postcode: '', country: null });

export function organizationFormValues(org: Organization | null, uiLanguage: string): OrganizationFormValues {
  return {
    kind: org?.kind ?? null,
    name: formMultilingual(org?.name, uiLanguage),
    shortName: org?.shortName ?? '',
    country: org?.country ?? null,
    city: org?.city ?? '',
    languages: org?.languages ?? [],
    website: org?.website ?? '',
    email: org?.email ?? '',
    phone: org?.phone ?? '',
    addresses: (org?.addresses ?? []).map((a) => ({ label: a.label, street: a.street, city: a.city, postcode: a.postcode, country: a.country })),
    tags: org?.tags ?? [],
    notes: org?.notes ?? '',
    confidential: org?.confidential ?? false,
  };
}

/** "www.example.org" → "https://www.example.org": people rarely type the scheme. */
export function withScheme(url: string): string {
  const u = url.trim();
  if (!u) return '';
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? u : `https://${u}`;
}

/** The API payload (OrganizationCreate) for form values. */
export function organizationPayload(v: OrganizationFormValues): OrganizationCreate {
  const name = cleanMultilingual(v.name) ?? { original: v.name.original, values: {} };
  return {
    kind: (v.kind ?? undefined) as OrganizationCreate['kind'],
    name,
    shortName: v.shortName.trim() || null,
    country: v.country || null,
    city: v.city.trim() || null,
    languages: v.languages,
    website: withScheme(v.website) || null,
    email: v.email.trim() || null,
    phone: v.phone.trim() || null,
    // A row left completely empty is not an address.
    addresses: v.addresses
      .map((a) => ({ label: a.label.trim(), street: a.street.trim(), city: a.city.trim(), postcode: a.postcode.trim(), country: a.country || null }))
      .filter((a) => a.label || a.street || a.city || a.postcode || a.country),
    tags: v.tags.map((t) => t.trim()).filter(Boolean),
    notes: v.notes,
    confidential: v.confidential,
  };
}
