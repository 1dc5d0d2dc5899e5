import type { Organization } from '../../../contracts/organizations.js';
import type { Table } from '../../platform/spreadsheets.js';

/** Export columns are the import field names, so an exported file imports back as it is. */
export const ORGANIZATION_EXPORT_COLUMNS = ['id', 'name', 'nameLanguage', 'nameEn', 'nameBg', 'nameKa', 'kind', 'shortName', 'country', 'city', 'languages', 'website', 'email', 'phone', 'tags', 'notes', 'confidential', 'updatedAt'];

export function organizationsTable(rows: Organization[]): Table {
  return {
    columns: ORGANIZATION_EXPORT_COLUMNS,
    rows: rows.map((o) => [
      o.id,
      o.name.values[o.name.original] ?? '',
      o.name.original,
      o.name.values.en ?? '',
      o.name.values.bg ?? '',
      o.name.values.ka ?? '',
      o.kind,
      o.shortName ?? '',
      o.country ?? '',
      o.city ?? '',
      o.languages.join(', '),
      o.website ?? '',
      o.email ?? '',
      o.phone ?? '',
      o.tags.join(', '),
      o.notes,
      o.confidential ? 'yes' : 'no',
      o.updatedAt,
    ]),
  };
}
