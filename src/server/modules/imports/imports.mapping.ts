import { detectScript } from '../../../contracts/common/transliteration.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import { countryCodeFrom } from '../../../contracts/common/countries.js';
import { IMPORT_FIELDS, type ImportTargetSchema } from '../../../contracts/imports.js';
import { ORGANIZATION_KINDS } from '../../../contracts/organizations.js';
import type { z } from 'zod';

type Target = z.infer<typeof ImportTargetSchema>;

/** Header words (folded, any of the three languages) that suggest a field. */
const SYNONYMS: Record<string, string[]> = {
  name: ['name', 'full name', 'organisation', 'organization', 'ime', 'naimenovanie', 'organizatsia', 'saxeli', 'sakheli', 'dasakheleba'],
  nameLatin: ['latin', 'name latin', 'ime na latinitsa', 'latinitsa'],
  nameEn: ['name en', 'english name', 'name english'],
  nameBg: ['name bg', 'bulgarian name'],
  nameKa: ['name ka', 'georgian name'],
  nameLanguage: ['name language', 'language of name'],
  kind: ['kind', 'type', 'vid', 'tip', 'tipi', 'sakhe'],
  shortName: ['short name', 'abbreviation', 'sakrateno ime', 'abreviatura'],
  country: ['country', 'darzhava', 'strana', 'kveqana', 'kveyana', 'kvekana'],
  city: ['city', 'town', 'grad', 'kalaki', 'naseleno myasto'],
  languages: ['languages', 'ezitsi', 'enebi', 'language'],
  website: ['website', 'web', 'url', 'site', 'uebsayt', 'sayt', 'vebgverdi'],
  email: ['email', 'e mail', 'mail', 'imeyl', 'elfosta', 'elposta', 'el posta', 'el poshta', 'elektronna poshta'],
  phone: ['phone', 'telephone', 'tel', 'telefon', 'teleponi', 'mobile'],
  tags: ['tags', 'etiketi', 'tegove', 'tegebi'],
  notes: ['notes', 'comment', 'comments', 'belezhki', 'zabelezhki', 'shenishvnebi', 'komentari'],
  organization: ['organization', 'organisation', 'organizatsia', 'institution', 'organizatsiya', 'organizatsia'],
  titleEn: ['title', 'titla', 'tituli'],
  positionEn: ['position', 'job title', 'role', 'dlazhnost', 'tanamdeboba'],
  precedenceCategory: ['precedence', 'precedence category', 'protokolna kategoria'],
  lawfulBasis: ['lawful basis', 'legal basis', 'pravno osnovanie'],
};

export function suggestMapping(target: Target, columns: string[]): Record<string, string | null> {
  const fields = IMPORT_FIELDS[target] as readonly string[];
  // On the people target, "organisation" means the link, not the name: its synonyms go first.
  const bySynonymOrder = target === 'people' ? ['organization', ...fields.filter((f) => f !== 'organization')] : fields;
  const used = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const column of columns) {
    const folded = searchFold(column);
    const exact = fields.find((f) => f.toLowerCase() === column.trim().toLowerCase());
    const bySynonym = bySynonymOrder.find((f) => (SYNONYMS[f] ?? []).some((s) => s === folded));
    const field = exact ?? bySynonym ?? null;
    mapping[column] = field && !used.has(field) ? field : null;
    if (field) used.add(field);
  }
  return mapping;
}

export const splitList = (v: string | undefined) =>
  (v ?? '')
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function languageOfText(text: string): string {
  const script = detectScript(text);
  return script === 'cyrillic' ? 'bg' : script === 'georgian' ? 'ka' : 'en';
}

export function kindFrom(v: string | undefined): string | undefined {
  const f = (v ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!f) return 'other';
  return (ORGANIZATION_KINDS as readonly string[]).includes(f) ? f : v;
}

/** Turns one mapped row into the input of the create schema (validation happens there). */
export function organizationInput(r: Record<string, string>) {
  const original = r.nameLanguage?.trim().toLowerCase() || languageOfText(r.name ?? '');
  const values: Record<string, string> = {};
  if (r.nameEn) values.en = r.nameEn;
  if (r.nameBg) values.bg = r.nameBg;
  if (r.nameKa) values.ka = r.nameKa;
  if (r.name) values[original] = r.name;
  const country = r.country ? countryCodeFrom(r.country) ?? r.country : null;
  return {
    kind: kindFrom(r.kind),
    name: { original, values },
    shortName: r.shortName || null,
    country,
    city: r.city || null,
    languages: splitList(r.languages).map((l) => l.toLowerCase()),
    website: r.website ? (/^https?:\/\//i.test(r.website) ? r.website : `https://${r.website}`) : null,
    email: r.email || null,
    phone: r.phone || null,
    tags: splitList(r.tags),
    notes: r.notes ?? '',
  };
}

export function personInput(r: Record<string, string>, organizationId: string | null) {
  return {
    name: r.name ?? '',
    nameLatin: r.nameLatin ?? '',
    organizationId,
    title: r.titleEn ? { original: 'en', values: { en: r.titleEn } } : null,
    position: r.positionEn ? { original: 'en', values: { en: r.positionEn } } : null,
    email: r.email || null,
    phones: splitList(r.phone).map((number) => ({ label: '', number })),
    languages: splitList(r.languages).map((l) => l.toLowerCase()),
    precedenceCategory: r.precedenceCategory || null,
    lawfulBasis: r.lawfulBasis || undefined,
    tags: splitList(r.tags),
    notes: r.notes ?? '',
  };
}
