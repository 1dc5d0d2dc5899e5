import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit.js';
import type { Organization } from '../../../contracts/organizations.js';
import { buildOrganization, buildPerson, startServer, tableCounts, type Client, type TestServer } from '../../test/harness.js';
import { ORGANIZATION_EXPORT_COLUMNS } from './organizations.export.js';

let s: TestServer;
let a: Client; // specialist A
let b: Client; // specialist B
let head: Client;
let admin: Client;
const names: Record<string, string> = {};

beforeAll(async () => {
  s = await startServer();
  [a, b, head, admin] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('head_of_department'), s.as('administrator')]);
  for (const [key, c] of Object.entries({ a, b, head, admin })) names[key] = (await c.get('/api/auth/session')).body.user.name;
});
afterAll(() => s.close());

const bg = (text: string, en?: string) => ({ original: 'bg', values: { bg: text, ...(en ? { en } : {}) } });
const ka = (text: string) => ({ original: 'ka', values: { ka: text } });
const en = (text: string) => ({ original: 'en', values: { en: text } });

async function create(c: Client, over: Record<string, unknown> = {}): Promise<Organization> {
  const res = await c.post('/api/organizations', buildOrganization(over));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((o) => o.id);

/** A file download as raw bytes (fetch's text() would drop the BOM). */
async function download(c: Client, url: string) {
  const res = await fetch(s.url + url, { headers: { cookie: c.cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function parseCsv(bytes: Buffer) {
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header, rows, byColumn: (row: string[], column: string) => row[header.indexOf(column)] };
}

describe('create, read, update, delete', () => {
  it('creates an organisation and answers it with its owner, version and abilities', async () => {
    const res = await a.post(
      '/api/organizations',
      buildOrganization({
        name: bg('Община Плевен', 'Pleven Municipality'),
        city: 'Плевен',
        website: 'https://www.pleven.bg',
        email: 'mayor@pleven.bg',
        phone: '+359 64 881 200',
        addresses: [{ label: 'Office', street: 'пл. Възраждане 2', city: 'Плевен', postcode: '5800', country: 'BG' }],
        notes: 'Partner since 2011',
      }),
    );
    expect(res.status).toBe(201);
    const org: Organization = res.body;
    expect(org).toMatchObject({
      version: 1,
      kind: 'partner_city',
      name: bg('Община Плевен', 'Pleven Municipality'),
      country: 'BG',
      city: 'Плевен',
      languages: ['bg'],
      website: 'https://www.pleven.bg',
      email: 'mayor@pleven.bg',
      phone: '+359 64 881 200',
      addresses: [{ label: 'Office', street: 'пл. Възраждане 2', city: 'Плевен', postcode: '5800', country: 'BG' }],
      tags: ['twin city'],
      notes: 'Partner since 2011',
      confidential: false,
      peopleCount: 0,
      abilities: { update: true, delete: true },
    });
    expect(org.owner?.name).toBe(names.a);
    expect(org.updatedBy?.name).toBe(names.a);

    const got = await b.get(`/api/organizations/${org.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(org);
  });

  it('refuses an invalid organisation and a role without write permission, writing nothing', async () => {
    const before = await tableCounts(s.database);
    const invalid = await a.post('/api/organizations', buildOrganization({ name: bg(''), country: 'Bulgaria', website: 'ftp://x.org' }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['country', 'name.values.bg', 'website']);
    const viewer = await s.as('viewer');
    const forbidden = await viewer.post('/api/organizations', buildOrganization({ name: bg('Община Ловеч') }));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');
    const after = await tableCounts(s.database);
    // The viewer account itself (and its sign-in audit entry) was created in between.
    expect(after.organizations).toBe(before.organizations);
  });

  it('changes only the fields sent, bumps the version, and deletes with the current version', async () => {
    const org = await create(a, { name: bg('Община Видин'), city: 'Видин', notes: 'Danube bridge', website: 'https://vidin.bg' });
    const person = await a.post('/api/people', buildPerson({ name: 'Цветан Ценков', organizationId: org.id }));
    expect(person.status).toBe(201);

    const patched = await b.patch(`/api/organizations/${org.id}`, { version: 1, city: 'Vidin' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      version: 2,
      city: 'Vidin',
      name: bg('Община Видин'),
      tags: ['twin city'],
      languages: ['bg'],
      notes: 'Danube bridge',
      website: 'https://vidin.bg',
      peopleCount: 1,
    });
    expect(patched.body.updatedBy.name).toBe(names.b);
    expect(patched.body.owner.name).toBe(names.a);

    const noVersion = await a.del(`/api/organizations/${org.id}`);
    expect(noVersion.status).toBe(400);
    expect((await a.del(`/api/organizations/${org.id}?version=2`)).status).toBe(204);
    expect((await a.get(`/api/organizations/${org.id}`)).status).toBe(404);
    // Its people stay, without organisation.
    const left = await a.get(`/api/people/${person.body.id}`);
    expect(left.status).toBe(200);
    expect(left.body.organization).toBeNull();
    expect((await a.del(`/api/organizations/${org.id}?version=2`)).status).toBe(404);
  });
});

describe('list', () => {
  const tag = 'list-fixture';
  const made: Record<string, Organization> = {};

  beforeAll(async () => {
    // Created one after the other, so that updatedAt grows in this order.
    made.ruse = await create(a, { name: bg('Община Русе', 'Ruse Municipality'), tags: [tag], country: 'BG', kind: 'partner_city' });
    made.zugdidi = await create(a, { name: ka('ზუგდიდის მუნიციპალიტეტი'), tags: [tag], country: 'GE', kind: 'partner_city', city: 'ზუგდიდი' });
    made.amsterdam = await create(a, { name: en('Amsterdam City Council'), tags: [tag, 'benelux'], country: 'NL', kind: 'partner_city', city: 'Amsterdam' });
    made.embassy = await create(a, { name: bg('Посолство на Грузия'), tags: [tag], country: 'BG', kind: 'embassy', city: 'София' });
    made.university = await create(a, { name: ka('თბილისის სახელმწიფო უნივერსიტეტი'), tags: [tag], country: 'GE', kind: 'cultural_institution', city: 'თბილისი' });
    made.untagged = await create(a, { name: bg('Русенски университет'), tags: ['other'], country: 'BG', kind: 'cultural_institution' });
  });

  const list = async (query: string) => {
    const res = await a.get(`/api/organizations?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body as { items: Organization[]; total: number; page: number; pageSize: number };
  };

  it('sorts by name across scripts, in both directions', async () => {
    const asc = await list(`tag=${tag}&sort=name`);
    const expected = [made.amsterdam, made.ruse, made.embassy, made.university, made.zugdidi].map((o) => o.id);
    expect(ids(asc)).toEqual(expected);
    expect(asc.total).toBe(5);
    expect(ids(await list(`tag=${tag}&sort=name&order=desc`))).toEqual([...expected].reverse());
  });

  it('filters by text in any script, kind, country and tag', async () => {
    expect(ids(await list(`tag=${tag}&q=Ruse`))).toEqual([made.ruse.id]);
    expect(ids(await list(`tag=${tag}&q=${encodeURIComponent('Русе')}`))).toEqual([made.ruse.id]);
    expect(ids(await list(`tag=${tag}&q=Zugdidi`))).toEqual([made.zugdidi.id]);
    expect(ids(await list(`tag=${tag}&q=${encodeURIComponent('ზუგდიდის')}`))).toEqual([made.zugdidi.id]);
    expect(ids(await list(`tag=${tag}&q=posolstvo`))).toEqual([made.embassy.id]);
    expect(ids(await list(`tag=${tag}&q=Tbilisis`))).toEqual([made.university.id]);
    // Without the tag, the text filter finds records of every tag.
    expect(ids(await list(`q=${encodeURIComponent('Русенски')}`))).toEqual([made.untagged.id]);

    expect(ids(await list(`tag=${tag}&kind=embassy`))).toEqual([made.embassy.id]);
    expect(ids(await list(`tag=${tag}&country=GE&sort=name`))).toEqual([made.university.id, made.zugdidi.id]);
    expect(ids(await list(`tag=${tag}&country=BG&kind=partner_city`))).toEqual([made.ruse.id]);
    expect(ids(await list('tag=benelux'))).toEqual([made.amsterdam.id]);
    const bad = await a.get('/api/organizations?kind=spaceship&country=Georgia');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['querystring.country', 'querystring.kind']);
  });

  it('pages with the total of all matching rows', async () => {
    const p1 = await list(`tag=${tag}&sort=name&pageSize=2&page=1`);
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(ids(p1)).toEqual([made.amsterdam.id, made.ruse.id]);
    const p3 = await list(`tag=${tag}&sort=name&pageSize=2&page=3`);
    expect(p3.total).toBe(5);
    expect(ids(p3)).toEqual([made.zugdidi.id]);
    const p4 = await list(`tag=${tag}&sort=name&pageSize=2&page=4`);
    expect(p4).toMatchObject({ total: 5, items: [] });
    expect((await list(`tag=${tag}&kind=partner_city&pageSize=1`)).total).toBe(3);
  });

  it('sorts by last change, newest first', async () => {
    const res = await a.patch(`/api/organizations/${made.embassy.id}`, { version: made.embassy.version, phone: '+359 2 123 4567' });
    expect(res.status).toBe(200);
    expect(ids(await list(`tag=${tag}&sort=updatedAt&order=desc`))).toEqual(
      [made.embassy, made.university, made.amsterdam, made.zugdidi, made.ruse].map((o) => o.id),
    );
  });
});

describe('optimistic concurrency', () => {
  it('answers a stale PATCH with 409, who changed it and when, and leaves the record as it was', async () => {
    const org = await create(a, { name: bg('Община Сливен'), city: 'Сливен' });
    const byB = await b.patch(`/api/organizations/${org.id}`, { version: 1, phone: '+359 44 611 100' });
    expect(byB.status).toBe(200);

    const stale = await a.patch(`/api/organizations/${org.id}`, { version: 1, city: 'Ямбол' });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toEqual({ version: 2, updatedAt: byB.body.updatedAt, updatedBy: { id: expect.any(String), name: names.b } });

    const now = await a.get(`/api/organizations/${org.id}`);
    expect(now.body).toEqual({ ...byB.body });
    expect(now.body.city).toBe('Сливен');

    const staleDelete = await a.del(`/api/organizations/${org.id}?version=1`);
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body.code).toBe('version_conflict');
    expect(staleDelete.body.current.version).toBe(2);
    expect((await a.get(`/api/organizations/${org.id}`)).status).toBe(200);
  });
});

describe('audit', () => {
  it('records create, update and delete, with field changes in the history', async () => {
    const org = await create(a, { name: bg('Община Габрово'), city: 'Габрово' });
    const updated = await a.patch(`/api/organizations/${org.id}`, { version: 1, city: 'Gabrovo' });
    expect(updated.status).toBe(200);

    const history = await a.get(`/api/organizations/${org.id}/history`);
    expect(history.status).toBe(200);
    const entries: AuditEntry[] = history.body.items;
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries.every((e) => e.entityId === org.id && e.entityType === 'organization' && e.actor?.name === names.a)).toBe(true);
    expect(entries[0].changes).toEqual([{ field: 'city', before: 'Габрово', after: 'Gabrovo' }]);

    expect((await a.del(`/api/organizations/${org.id}?version=2`)).status).toBe(204);
    const log = await admin.get(`/api/audit?entityType=organization&entityId=${org.id}`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: AuditEntry) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(log.body.total).toBe(3);
    const deletes = await admin.get(`/api/audit?action=delete&actorId=${org.owner!.id}`);
    expect(deletes.body.items.map((e: AuditEntry) => e.entityId)).toContain(org.id);

    const denied = await a.get('/api/audit');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    expect((await head.get('/api/audit')).status).toBe(403);
  });
});

describe('confidential records', () => {
  let secret: Organization;
  const name = 'Секретариат Велико Търново';

  beforeAll(async () => {
    secret = await create(a, { name: bg(name), confidential: true, tags: ['secret-fixture'], kind: 'ngo' });
  });

  it('are seen by the owner, heads of department and administrators', async () => {
    for (const c of [a, head, admin]) {
      const res = await c.get(`/api/organizations/${secret.id}`);
      expect(res.status).toBe(200);
      expect(res.body.confidential).toBe(true);
      expect(ids((await c.get('/api/organizations?q=Sekretariat')).body)).toContain(secret.id);
    }
  });

  it('do not exist for another specialist: not in get, list, search, similar, export, history, nor changeable', async () => {
    expect((await b.get(`/api/organizations/${secret.id}`)).status).toBe(404);
    expect((await b.get(`/api/organizations/${secret.id}/history`)).status).toBe(404);
    expect((await b.patch(`/api/organizations/${secret.id}`, { version: 1, city: 'x' })).status).toBe(404);
    expect((await b.del(`/api/organizations/${secret.id}?version=1`)).status).toBe(404);

    // Each query finds the record for its owner, so its absence for B is the rule, not a miss.
    const q = encodeURIComponent('Sekretariat');
    expect(ids((await a.get(`/api/organizations?q=${q}`)).body)).toContain(secret.id);
    expect(ids((await b.get(`/api/organizations?q=${q}`)).body)).not.toContain(secret.id);
    expect((await b.get('/api/organizations?tag=secret-fixture')).body.total).toBe(0);

    expect((await a.get(`/api/search?q=${q}`)).body.results.map((r: { id: string }) => r.id)).toContain(secret.id);
    expect((await b.get(`/api/search?q=${q}`)).body.results.map((r: { id: string }) => r.id)).not.toContain(secret.id);

    const similar = `/api/organizations/similar?name=${encodeURIComponent('Sekretariat Veliko Tarnovo')}`;
    expect((await a.get(similar)).body.map((r: { id: string }) => r.id)).toContain(secret.id);
    expect((await b.get(similar)).body.map((r: { id: string }) => r.id)).not.toContain(secret.id);

    const mine = parseCsv((await download(a, '/api/organizations/export?format=csv&tag=secret-fixture')).bytes);
    expect(mine.rows.map((r) => mine.byColumn(r, 'id'))).toEqual([secret.id]);
    const theirs = parseCsv((await download(b, '/api/organizations/export?format=csv&tag=secret-fixture')).bytes);
    expect(theirs.rows).toEqual([]);
    const all = (await download(b, '/api/organizations/export?format=csv')).bytes.toString('utf8');
    expect(all).not.toContain(secret.id);
    expect(all).not.toContain(name);
  });

  it('stay confidential when a change does not mention it', async () => {
    const current = (await a.get(`/api/organizations/${secret.id}`)).body as Organization;
    const res = await a.patch(`/api/organizations/${secret.id}`, { version: current.version, notes: 'Met in March' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ confidential: true, notes: 'Met in March', tags: ['secret-fixture'], languages: ['bg'] });
    expect((await b.get(`/api/organizations/${secret.id}`)).status).toBe(404);
  });
});

describe('similar', () => {
  it('finds a likely duplicate across scripts and with a typo', async () => {
    const ruse = await create(a, { name: bg('Община Русе', 'Ruse Municipality'), tags: ['similar-fixture'] });
    const find = async (name: string, extra = '') => {
      const res = await a.get(`/api/organizations/similar?name=${encodeURIComponent(name)}${extra}`);
      expect(res.status).toBe(200);
      return res.body as { id: string; label: string; similarity: number }[];
    };
    const exact = (await find('Obshtina Ruse')).find((r) => r.id === ruse.id);
    expect(exact).toMatchObject({ label: 'Ruse Municipality' });
    expect(exact!.similarity).toBeCloseTo(1, 5);
    const typo = (await find('Obshtina Russe')).find((r) => r.id === ruse.id);
    expect(typo).toBeDefined();
    expect(typo!.similarity).toBeLessThan(1);
    expect((await find('Обштина Руссе')).map((r) => r.id)).toContain(ruse.id);
    expect((await find('Obshtina Ruse', `&excludeId=${ruse.id}`)).map((r) => r.id)).not.toContain(ruse.id);
    expect((await find('Tbilisi State University')).map((r) => r.id)).not.toContain(ruse.id);
    expect((await a.get('/api/organizations/similar?name=')).status).toBe(400);
  });
});

describe('merge', () => {
  it('moves people and the timeline to the kept record, unites tags, and deletes the other', async () => {
    const keep = await create(a, { name: bg('Община Бургас'), tags: ['black sea', 'port'], city: null, languages: ['bg'] });
    const other = await create(b, {
      name: en('Burgas Municipality'),
      tags: ['port', 'energy'],
      city: 'Burgas',
      email: 'office@burgas.bg',
      languages: ['en'],
      notes: 'Duplicate from the 2019 list',
    });
    const person = (await a.post('/api/people', buildPerson({ name: 'Димитър Николов', organizationId: other.id }))).body;
    const event = (
      await a.post('/api/interactions', { kind: 'meeting', occurredAt: '2024-05-10T09:00:00Z', subject: 'Port cooperation', organizationId: other.id })
    ).body;
    const otherNow = (await a.get(`/api/organizations/${other.id}`)).body as Organization;

    const staleOther = await a.post(`/api/organizations/${keep.id}/merge`, { otherId: other.id, version: keep.version, otherVersion: otherNow.version + 1 });
    expect(staleOther.status).toBe(409);
    expect(staleOther.body.code).toBe('version_conflict');
    expect(staleOther.body.current.version).toBe(otherNow.version);
    const staleKeep = await a.post(`/api/organizations/${keep.id}/merge`, { otherId: other.id, version: keep.version + 1, otherVersion: otherNow.version });
    expect(staleKeep.status).toBe(409);
    expect(staleKeep.body.current.version).toBe(keep.version);
    // Nothing moved.
    expect((await a.get(`/api/people/${person.id}`)).body.organization.id).toBe(other.id);
    expect((await a.get(`/api/organizations/${other.id}`)).status).toBe(200);
    const same = await a.post(`/api/organizations/${keep.id}/merge`, { otherId: keep.id, version: keep.version, otherVersion: keep.version });
    expect(same.status).toBe(400);
    expect(same.body.fields[0]).toMatchObject({ path: 'otherId', reason: 'same_record' });
    const pressOfficer = await s.as('press_officer');
    expect((await pressOfficer.post(`/api/organizations/${keep.id}/merge`, { otherId: other.id, version: 1, otherVersion: 1 })).status).toBe(403);

    const merged = await a.post(`/api/organizations/${keep.id}/merge`, { otherId: other.id, version: keep.version, otherVersion: otherNow.version });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.id).toBe(keep.id);
    expect(merged.body.version).toBe(keep.version + 1);
    expect([...merged.body.tags].sort()).toEqual(['black sea', 'energy', 'port']);
    expect([...merged.body.languages].sort()).toEqual(['bg', 'en']);
    expect(merged.body.name).toEqual({ original: 'bg', values: { bg: 'Община Бургас', en: 'Burgas Municipality' } });
    expect(merged.body).toMatchObject({ city: 'Burgas', email: 'office@burgas.bg', peopleCount: 1, notes: 'Duplicate from the 2019 list' });

    expect((await a.get(`/api/organizations/${other.id}`)).status).toBe(404);
    expect((await a.get(`/api/people/${person.id}`)).body.organization.id).toBe(keep.id);
    const timeline = (await a.get(`/api/interactions?organizationId=${keep.id}`)).body;
    expect(timeline.items.map((i: { id: string }) => i.id)).toEqual([event.id]);
    expect(timeline.items[0].organization.id).toBe(keep.id);

    const history = (await a.get(`/api/organizations/${keep.id}/history`)).body.items as AuditEntry[];
    const merge = history.find((e) => e.action === 'merge');
    expect(merge).toBeDefined();
    expect(merge!.summary).toContain('Burgas Municipality');
    expect(merge!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['tags', 'city', 'email']));
    const otherLog = (await admin.get(`/api/audit?entityId=${other.id}&action=delete`)).body;
    expect(otherLog.total).toBe(1);
  });
});

describe('export', () => {
  const tag = 'export-fixture';
  let rows: Organization[];

  beforeAll(async () => {
    rows = [
      await create(a, { name: bg('Община Кърджали'), tags: [tag], city: 'Кърджали' }),
      await create(a, { name: ka('ქუთაისის მერია'), tags: [tag], country: 'GE', city: 'ქუთაისი', languages: ['ka'] }),
      await create(a, { name: en('=HYPERLINK("http://evil.example","Click")'), tags: [tag], country: 'NL', notes: '+1 then @SUM(A1)' }),
    ];
    // Outside the filter: another kind with the same tag, and the same kind without it.
    await create(a, { name: bg('Генерално консулство'), tags: [tag], kind: 'consulate' });
    await create(a, { name: bg('Община Смолян'), tags: ['not-exported'] });
  });

  it('writes CSV in UTF-8 with a BOM, scripts intact, formulas neutralised, filtered rows only', async () => {
    const res = await download(a, `/api/organizations/export?format=csv&tag=${tag}&kind=partner_city&sort=name`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="organizations-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const csv = parseCsv(res.bytes);
    expect(csv.header).toEqual(ORGANIZATION_EXPORT_COLUMNS);
    const listed = (await a.get(`/api/organizations?tag=${tag}&kind=partner_city&sort=name`)).body as { items: Organization[] };
    expect(csv.rows.map((r) => csv.byColumn(r, 'id'))).toEqual(ids(listed));
    expect(new Set(csv.rows.map((r) => csv.byColumn(r, 'id')))).toEqual(new Set(rows.map((o) => o.id)));

    const byId = new Map(csv.rows.map((r) => [csv.byColumn(r, 'id'), r]));
    expect(csv.byColumn(byId.get(rows[0].id)!, 'name')).toBe('Община Кърджали');
    expect(csv.byColumn(byId.get(rows[0].id)!, 'city')).toBe('Кърджали');
    expect(csv.byColumn(byId.get(rows[1].id)!, 'name')).toBe('ქუთაისის მერია');
    expect(csv.byColumn(byId.get(rows[1].id)!, 'nameLanguage')).toBe('ka');
    expect(csv.byColumn(byId.get(rows[1].id)!, 'city')).toBe('ქუთაისი');
    const evil = byId.get(rows[2].id)!;
    expect(csv.byColumn(evil, 'name')).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(csv.byColumn(evil, 'notes')).toBe(`'+1 then @SUM(A1)`);
    for (const row of csv.rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('writes XLSX with the same rows', async () => {
    const res = await download(a, `/api/organizations/export?format=xlsx&tag=${tag}&kind=partner_city&sort=name`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="organizations-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const matrix: string[][] = [];
    sheet.eachRow((row) => matrix.push(Array.from((row.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))));
    const [header, ...data] = matrix;
    expect(header).toEqual(ORGANIZATION_EXPORT_COLUMNS);
    const col = (name: string) => header.indexOf(name);
    expect(data.map((r) => r[col('id')]).sort()).toEqual(rows.map((o) => o.id).sort());
    const byId = new Map(data.map((r) => [r[col('id')], r]));
    expect(byId.get(rows[0].id)![col('name')]).toBe('Община Кърджали');
    expect(byId.get(rows[1].id)![col('name')]).toBe('ქუთაისის მერია');
    expect(byId.get(rows[2].id)![col('name')]).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    // No cell became a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('refuses an unknown format', async () => {
    expect((await a.get('/api/organizations/export?format=pdf')).status).toBe(400);
  });
});
