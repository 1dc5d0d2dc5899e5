import { pickText } from '../../../contracts/common/multilingual.js';
import type { Person } from '../../../contracts/people.js';
import type { Table } from '../../platform/spreadsheets.js';

/** Export columns are the import field names, so an exported file imports back as it is. */
export function peopleTable(rows: Person[], locale: string): Table {
  return {
    columns: ['id', 'name', 'nameLatin', 'organization', 'titleEn', 'positionEn', 'email', 'phone', 'languages', 'precedenceCategory', 'lawfulBasis', 'tags', 'notes', 'confidential', 'updatedAt'],
    rows: rows.map((p) => [
      p.id,
      p.name,
      p.nameLatin,
      p.organization ? pickText(p.organization.name as never, locale) : '',
      p.title ? pickText(p.title as never, 'en') : '',
      p.position ? pickText(p.position as never, 'en') : '',
      p.email ?? '',
      p.phones.map((x) => x.number).join(', '),
      p.languages.join(', '),
      p.precedenceCategory ?? '',
      p.lawfulBasis,
      p.tags.join(', '),
      p.notes,
      p.confidential ? 'yes' : 'no',
      p.updatedAt,
    ]),
  };
}
