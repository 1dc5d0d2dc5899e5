import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit.js';
import type { ImportResult, ImportUpload } from '../../../contracts/imports.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { Person } from '../../../contracts/people.js';
import { buildOrganization, startServer, tableCounts, type Client, type TestServer } from '../../test/harness.js';

let s: TestServer;
let a: Client; // specialist
let other: Client; // another specialist
let pressOfficer: Client; // may write, may not import
let admin: Client;

beforeAll(async () => {
  // A small upload limit (0.1 MB): every other file in these tests is far below it.
  s = await startServer({ LEGATO_MAX_UPLOAD_MB: '0.1' });
  [a, other, pressOfficer, admin] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('press_officer'), s.as('administrator')]);
});
afterAll(() => s.close());

function form(target: string, content: string | Uint8Array, fileName: string) {
  const body = new FormData();
  body.append('target', target);
  body.append('file', new Blob([content as BlobPart]), fileName);
  return body;
}

async function upload(c: Client, target: string, content: string | Uint8Array, fileName: string) {
  return c.post('/api/imports', form(target, content, fileName));
}

async function run(c: Client, importId: string, mapping: Record<string, string | null>, dryRun: boolean) {
  return c.post(`/api/imports/${importId}/run`, { mapping, dryRun });
}

const csvOf = (rows: string[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';

async function listTagged(tag: string) {
  return ((await a.get(`/api/organizations?tag=${encodeURIComponent(tag)}&sort=name&pageSize=100`)).body as { items: Organization[] }).items;
}

describe('organisations from CSV', () => {
  const tag = 'csv-batch';
  const header = ['Name', 'Kind', 'Country', 'City', 'E-mail', 'Tags'];
  const rows = [
    ['Община Стара Загора', 'partner_city', 'BG', 'Стара Загора', 'mayor@starazagora.bg', tag],
    ['Broken Mail Ltd', 'company', 'BG', 'Sofia', 'not-an-email', tag],
    ['ქუთაისის მუნიციპალიტეტი', 'Partner city', 'Georgia', 'ქუთაისი', '', tag],
    ['', 'spaceship', 'BG', '', '', tag],
    ['Lyon Metropole', 'network', 'FR', 'Lyon', 'contact@lyon.fr', tag],
  ];
  let uploaded: ImportUpload;

  it('answers the columns, row count, a preview and a suggested mapping', async () => {
    const before = await tableCounts(s.database);
    const res = await upload(a, 'organizations', '\uFEFF' + csvOf([header, ...rows]), 'partners.csv');
    expect(res.status, res.text).toBe(201);
    uploaded = res.body as ImportUpload;
    expect(uploaded).toMatchObject({ target: 'organizations', fileName: 'partners.csv', columns: header, rowCount: 5 });
    expect(uploaded.preview).toEqual(rows);
    expect(uploaded.suggestedMapping).toEqual({ Name: 'name', Kind: 'kind', Country: 'country', City: 'city', 'E-mail': 'email', Tags: 'tags' });
    const after = await tableCounts(s.database);
    expect(after.imports).toBe(before.imports + 1);
    expect(after.organizations).toBe(before.organizations);
  });

  it('checks every row in a dry run, naming rows and fields, and imports nothing', async () => {
    const before = await tableCounts(s.database);
    const res = await run(a, uploaded.id, uploaded.suggestedMapping, true);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, total: 5, valid: 3, imported: 0, duplicates: [] });
    expect(res.body.errors.map((e: ImportResult['errors'][number]) => e.row)).toEqual([3, 5]);
    expect(res.body.errors[0].fields).toEqual([{ field: 'email', message: 'Not a valid e-mail address.' }]);
    const fields = (res.body as ImportResult).errors[1].fields.map((f) => f.field).sort();
    expect(fields).toHaveLength(2);
    expect(fields[0]).toBe('kind');
    expect(fields[1]).toMatch(/^name\./);
    expect(await tableCounts(s.database)).toEqual(before);
    expect(await listTagged(tag)).toEqual([]);
  });

  it('imports exactly the good rows, each with an audit entry, and only once', async () => {
    const before = await tableCounts(s.database);
    const res = await run(a, uploaded.id, uploaded.suggestedMapping, false);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, total: 5, valid: 3, imported: 3 });
    expect(res.body.errors.map((e: ImportResult['errors'][number]) => e.row)).toEqual([3, 5]);
    expect((await tableCounts(s.database)).organizations).toBe(before.organizations + 3);

    const imported = await listTagged(tag);
    expect(imported.map((o) => [o.name.original, o.name.values[o.name.original], o.kind, o.country, o.city, o.email])).toEqual([
      ['ka', 'ქუთაისის მუნიციპალიტეტი', 'partner_city', 'GE', 'ქუთაისი', null],
      ['en', 'Lyon Metropole', 'network', 'FR', 'Lyon', 'contact@lyon.fr'],
      ['bg', 'Община Стара Загора', 'partner_city', 'BG', 'Стара Загора', 'mayor@starazagora.bg'],
    ]);
    for (const org of imported) {
      const history = (await a.get(`/api/organizations/${org.id}/history`)).body.items as AuditEntry[];
      expect(history.map((e) => e.action)).toEqual(['create']);
      expect(history[0].summary).toContain('partners.csv');
    }
    const importEntries = (await admin.get('/api/audit?action=import&entityType=organization')).body.items as AuditEntry[];
    expect(importEntries.map((e) => e.summary)).toContain('partners.csv: 3');

    const again = await run(a, uploaded.id, uploaded.suggestedMapping, false);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    expect((await tableCounts(s.database)).organizations).toBe(before.organizations + 3);
  });

  it('refuses a mapping to unknown fields or without a name, and imports of someone else', async () => {
    const res = await upload(a, 'organizations', csvOf([['Name', 'Country'], ['Община Ловеч', 'BG']]), 'one.csv');
    expect(res.status).toBe(201);
    const unknownField = await run(a, res.body.id, { Name: 'name', Country: 'nationality' }, true);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.fields[0].path).toBe('mapping.Country');
    const unknownColumn = await run(a, res.body.id, { Name: 'name', Mayor: 'notes' }, true);
    expect(unknownColumn.status).toBe(400);
    expect((await run(a, res.body.id, { Name: null, Country: 'country' }, true)).status).toBe(400);
    expect((await run(other, res.body.id, { Name: 'name' }, true)).status).toBe(404);
  });
});

describe('duplicates', () => {
  it('flags rows that match existing records, in any script', async () => {
    const existing = await a.post('/api/organizations', buildOrganization({ name: { original: 'bg', values: { bg: 'Община Русе', en: 'Ruse Municipality' } } }));
    expect(existing.status).toBe(201);
    const csv = csvOf([['name', 'country'], ['Obshtina Ruse', 'BG'], ['Община Плевен', 'BG'], ['Община Русе', 'BG']]);
    const res = await upload(a, 'organizations', csv, 'dupes.csv');
    expect(res.body.suggestedMapping).toEqual({ name: 'name', country: 'country' });
    const checked = await run(a, res.body.id, res.body.suggestedMapping, true);
    expect(checked.status).toBe(200);
    expect(checked.body.errors).toEqual([]);
    expect(checked.body.duplicates).toEqual([
      { row: 2, id: existing.body.id, label: expect.any(String) },
      { row: 4, id: existing.body.id, label: expect.any(String) },
    ]);
  });
});

describe('organisations from XLSX', () => {
  it('imports an Excel workbook', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Partners');
    sheet.addRow(['Наименование', 'Държава', 'Имейл', 'Tags']);
    sheet.addRow(['Община Казанлък', 'България', 'info@kazanlak.bg', 'xlsx-batch']);
    sheet.addRow(['თელავის მუნიციპალიტეტი', 'GE', 'telavi@example.ge', 'xlsx-batch']);
    sheet.addRow(['Ville de Kazanlak Friends', 'FR', 'bad@', 'xlsx-batch']);
    const data = new Uint8Array(await book.xlsx.writeBuffer());

    const res = await upload(a, 'organizations', data, 'partners.xlsx');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ columns: ['Наименование', 'Държава', 'Имейл', 'Tags'], rowCount: 3 });
    expect(res.body.suggestedMapping).toEqual({ Наименование: 'name', Държава: 'country', Имейл: 'email', Tags: 'tags' });
    expect(res.body.preview[1]).toEqual(['თელავის მუნიციპალიტეტი', 'GE', 'telavi@example.ge', 'xlsx-batch']);

    const result = await run(a, res.body.id, res.body.suggestedMapping, false);
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ total: 3, valid: 2, imported: 2 });
    expect(result.body.errors).toEqual([{ row: 4, fields: [{ field: 'email', message: expect.any(String) }] }]);
    const imported = await listTagged('xlsx-batch');
    expect(imported.map((o) => [o.name.values[o.name.original], o.country])).toEqual([
      ['Община Казанлък', 'BG'],
      ['თელავის მუნიციპალიტეტი', 'GE'],
    ]);
  });

  it('suggests a mapping for Georgian headers', async () => {
    const csv = csvOf([['სახელი', 'ქვეყანა', 'ქალაქი', 'ელფოსტა', 'ტელეფონი'], ['ბათუმის მერია', 'GE', 'ბათუმი', 'info@batumi.ge', '+995 422 27 17 17']]);
    const res = await upload(a, 'organizations', csv, 'ka.csv');
    expect(res.status).toBe(201);
    expect(res.body.suggestedMapping).toEqual({ სახელი: 'name', ქვეყანა: 'country', ქალაქი: 'city', ელფოსტა: 'email', ტელეფონი: 'phone' });
  });
});

describe('refused files', () => {
  it('answers 415 for a program or a binary file named .csv, and stores nothing', async () => {
    const before = await tableCounts(s.database);
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    const asExe = await upload(a, 'organizations', exe, 'setup.exe');
    expect(asExe.status).toBe(415);
    expect(asExe.body.code).toBe('unsupported_media_type');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const disguised = await upload(a, 'organizations', png, 'contacts.csv');
    expect(disguised.status).toBe(415);
    const zipNamedCsv = await upload(a, 'organizations', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'contacts.csv');
    expect(zipNamedCsv.status).toBe(415);
    const brokenXlsx = await upload(a, 'organizations', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'contacts.xlsx');
    expect(brokenXlsx.status).toBe(415);
    expect(await tableCounts(s.database)).toEqual(before);
  });

  it('refuses a missing target or file, and a role without import permission', async () => {
    const noTarget = new FormData();
    noTarget.append('file', new Blob(['name\nX\n']), 'x.csv');
    const res = await a.post('/api/imports', noTarget);
    expect(res.status).toBe(400);
    expect(res.body.fields[0].path).toBe('target');
    const noFile = new FormData();
    noFile.append('target', 'people');
    expect((await a.post('/api/imports', noFile)).status).toBe(400);
    expect((await upload(pressOfficer, 'organizations', 'name\nX\n', 'x.csv')).status).toBe(403);
  });

  it('answers 413 for a file over LEGATO_MAX_UPLOAD_MB', async () => {
    const line = 'Община Русе,partner_city,BG\n';
    const rows = (bytes: number) => 'name,kind,country\n' + line.repeat(Math.ceil(bytes / Buffer.byteLength(line)));
    const before = await tableCounts(s.database);
    const res = await upload(a, 'organizations', rows(0.15 * 1024 * 1024), 'big.csv');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(await tableCounts(s.database)).toEqual(before);
    const fits = await upload(a, 'organizations', rows(0.09 * 1024 * 1024), 'fits.csv');
    expect(fits.status).toBe(201);
    expect(fits.body.rowCount).toBeGreaterThan(2000);
  });
});

describe('people', () => {
  it('links rows to organisations by any of their names and reports unknown organisations per row', async () => {
    const make = async (name: Record<string, string>, original: string) =>
      (await a.post('/api/organizations', buildOrganization({ name: { original, values: name } }))).body as Organization;
    const yambol = await make({ bg: 'Община Ямбол', en: 'Yambol Municipality' }, 'bg');
    const rustavi = await make({ ka: 'რუსთავის მუნიციპალიტეტი' }, 'ka');

    const csv = csvOf([
      ['Name', 'Organisation', 'Email', 'Position', 'Tags'],
      ['Георги Иванов', 'Община Ямбол', 'g.ivanov@yambol.bg', 'Mayor', 'people-batch'],
      ['ნინო ბერიძე', 'Rustavis Munitsipaliteti', '', 'Deputy mayor', 'people-batch'],
      ['John Smith', 'Yambol Municipality', '', '', 'people-batch'],
      ['Jane Doe', 'Atlantis City Council', '', '', 'people-batch'],
      ['Free Agent', '', 'free@example.org', '', 'people-batch'],
    ]);
    const res = await upload(a, 'people', csv, 'contacts.csv');
    expect(res.status, res.text).toBe(201);
    expect(res.body.suggestedMapping).toEqual({ Name: 'name', Organisation: 'organization', Email: 'email', Position: 'positionEn', Tags: 'tags' });

    const checked = await run(a, res.body.id, res.body.suggestedMapping, true);
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body).toMatchObject({ total: 5, valid: 4, imported: 0 });
    expect(checked.body.errors).toEqual([{ row: 5, fields: [{ field: 'organization', message: 'The linked record does not exist.' }] }]);

    const result = await run(a, res.body.id, res.body.suggestedMapping, false);
    expect(result.body).toMatchObject({ total: 5, valid: 4, imported: 4 });
    const people = ((await a.get('/api/people?tag=people-batch&sort=name')).body as { items: Person[] }).items;
    expect(people.map((p) => [p.name, p.nameLatin, p.organization?.id ?? null])).toEqual([
      ['Free Agent', 'Free Agent', null],
      ['Георги Иванов', 'Georgi Ivanov', yambol.id],
      ['John Smith', 'John Smith', yambol.id],
      ['ნინო ბერიძე', 'Nino Beridze', rustavi.id],
    ]);
    expect(people[1].position).toEqual({ original: 'en', values: { en: 'Mayor' } });
    expect((await a.get(`/api/organizations/${yambol.id}`)).body.peopleCount).toBe(2);
    for (const p of people) expect(((await a.get(`/api/people/${p.id}/history`)).body.items as AuditEntry[]).map((e) => e.action)).toEqual(['create']);
  });
});
