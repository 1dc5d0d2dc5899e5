import type { MultilingualText } from '../../../contracts/common/multilingual';
import type { Person, PersonCreate } from '../../../contracts/people';
import { cleanMultilingual, formMultilingual } from '../../ui/multilingual';

export type PhoneValues = { label: string; number: string };
export type CompanionValues = { name: string; relation: string; notes: string };

/** What the person form edits: strings where the API has nullable text (empty = not given). */
export type PersonFormValues = {
  name: string;
  nameLatin: string;
  formOfAddress: Record<string, string>;
  title: MultilingualText;
  position: MultilingualText;
  organizationId: string | null;
  email: string;
  phones: PhoneValues[];
  languages: string[];
  precedenceCategory: string | null;
  accompanyingPersons: CompanionValues[];
  lawfulBasis: string;
  tags: string[];
  notes: string;
  confidential: boolean;
};

export const emptyPhone = (): PhoneValues => ({ label: '', number: '' });
export const emptyCompanion = (): CompanionValues => ({ name: '', relation: '', notes: '' });

export function personFormValues(p: Person | null, uiLanguage: string, defaults: Partial<PersonFormValues> = {}): PersonFormValues {
  return {
    name: p?.name ?? '',
    nameLatin: p?.nameLatin ?? '',
    formOfAddress: { bg: '', ka: '', en: '', ...(p?.formOfAddress ?? {}) },
    title: formMultilingual(p?.title, uiLanguage),
    position: formMultilingual(p?.position, uiLanguage),
    organizationId: p?.organization?.id ?? null,
    email: p?.email ?? '',
    phones: (p?.phones ?? []).map((x) => ({ label: x.label, number: x.number })),
    languages: p?.languages ?? [],
    precedenceCategory: p?.precedenceCategory ?? null,
    accompanyingPersons: (p?.accompanyingPersons ?? []).map((a) => ({ name: a.name, relation: a.relation, notes: a.notes })),
    lawfulBasis: p?.lawfulBasis ?? 'public_task',
    tags: p?.tags ?? [],
    notes: p?.notes ?? '',
    confidential: p?.confidential ?? false,
    ...(p ? {} : defaults),
  };
}

/** An optional text whose original was left empty takes the first language that was written. */
function optionalText(value: MultilingualText): MultilingualText | null {
  const clean = cleanMultilingual(value);
  if (!clean) return null;
  if (!clean.values[clean.original]) clean.original = Object.keys(clean.values)[0]!;
  return clean;
}

/** The API payload (PersonCreate) for form values. */
export function personPayload(v: PersonFormValues): PersonCreate {
  const formOfAddress: Record<string, string> = {};
  for (const [code, text] of Object.entries(v.formOfAddress)) if (text.trim()) formOfAddress[code] = text.trim();
  return {
    name: v.name.trim(),
    nameLatin: v.nameLatin.trim(),
    formOfAddress,
    title: optionalText(v.title),
    position: optionalText(v.position),
    organizationId: v.organizationId || null,
    email: v.email.trim() || null,
    // Rows left completely empty are dropped; a label without a number is an error to show.
    phones: v.phones.map((x) => ({ label: x.label.trim(), number: x.number.trim() })).filter((x) => x.label || x.number),
    languages: v.languages,
    precedenceCategory: (v.precedenceCategory || null) as PersonCreate['precedenceCategory'],
    accompanyingPersons: v.accompanyingPersons
      .map((a) => ({ name: a.name.trim(), relation: a.relation.trim(), notes: a.notes.trim() }))
      .filter((a) => a.name || a.relation || a.notes),
    lawfulBasis: v.lawfulBasis as PersonCreate['lawfulBasis'],
    tags: v.tags.map((t) => t.trim()).filter(Boolean),
    notes: v.notes,
    confidential: v.confidential,
  };
}
