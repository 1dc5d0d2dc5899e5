import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { Person } from '../../../contracts/people.js';
import { buildOrganization, buildPerson, startServer, tableCounts, type Client, type TestServer } from '../../test/harness.js';

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

async function createPerson(c: Client, over: Record<string, unknown> = {}): Promise<Person> {
  const res = await c.post('/api/people', buildPerson(over));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function createOrganization(c: Client, over: Record<string, unknown> = {}): Promise<Organization> {
  const res = await c.post('/api/organizations', buildOrganization(over));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);

describe('create', () => {
  it('proposes the Latin name by the official transliteration when none is given', async () => {
    const georgi = await createPerson(a, { name: 'Георги Иванов' });
    expect(georgi.nameLatin).toBe('Georgi Ivanov');
    const nino = await createPerson(a, { name: 'ნინო ბერიძე', nameLatin: '' });
    expect(nino.nameLatin).toBe('Nino Beridze');
    const yulia = await createPerson(a, { name: 'Юлия Щерева' });
    expect(yulia.nameLatin).toBe('Yulia Shtereva');
    const latin = await createPerson(a, { name: 'Anne Dupont' });
    expect(latin.nameLatin).toBe('Anne Dupont');
  });

  it('keeps a Latin spelling the person uses', async () => {
    const given = await createPerson(a, { name: 'Христо Ботев', nameLatin: 'Christo Botew' });
    expect(given.nameLatin).toBe('Christo Botew');
    const georgian = await createPerson(a, { name: 'მარიკა წერეთელი', nameLatin: "Marik'a Ts'ereteli" });
    expect(georgian.nameLatin).toBe("Marik'a Ts'ereteli");
    expect((await a.get(`/api/people/${given.id}`)).body.nameLatin).toBe('Christo Botew');
  });

  it('round-trips forms of address, accompanying persons, phones, title and position', async () => {
    const body = {
      name: 'Елена Петрова',
      formOfAddress: { bg: 'Нейно Превъзходителство', ka: 'მისი აღმატებულება', en: 'Her Excellency', de: '' },
      title: { original: 'en', values: { en: 'Ambassador', bg: 'Посланик' } },
      position: { original: 'bg', values: { bg: 'Посланик на Република България' } },
      phones: [{ label: 'mobile', number: '+359 88 123 4567' }, { number: '(02) 987-65-43' }],
      accompanyingPersons: [{ name: 'Иван Петров', relation: 'spouse' }, { name: 'Anna Petrova', relation: 'daughter', notes: 'vegetarian' }],
      languages: ['bg', 'en', 'ka'],
      precedenceCategory: 'ambassador',
      email: 'e.petrova@mfa.bg',
      tags: ['diplomatic corps'],
      notes: 'Prefers Bulgarian',
    };
    const person = await createPerson(a, body);
    const expected = {
      name: 'Елена Петрова',
      nameLatin: 'Elena Petrova',
      formOfAddress: { bg: 'Нейно Превъзходителство', ka: 'მისი აღმატებულება', en: 'Her Excellency' },
      title: body.title,
      position: body.position,
      phones: [{ label: 'mobile', number: '+359 88 123 4567' }, { label: '', number: '(02) 987-65-43' }],
      accompanyingPersons: [
        { name: 'Иван Петров', relation: 'spouse', notes: '' },
        { name: 'Anna Petrova', relation: 'daughter', notes: 'vegetarian' },
      ],
      languages: ['bg', 'en', 'ka'],
      precedenceCategory: 'ambassador',
      email: 'e.petrova@mfa.bg',
      tags: ['diplomatic corps'],
      notes: 'Prefers Bulgarian',
      lawfulBasis: 'public_task',
      confidential: false,
      organization: null,
      version: 1,
    };
    expect(person).toMatchObject(expected);
    expect(person.owner?.name).toBe(names.a);
    expect((await b.get(`/api/people/${person.id}`)).body).toEqual(person);

    const badPhone = await a.post('/api/people', buildPerson({ phones: [{ number: 'call me' }] }));
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.fields[0].path).toBe('phones.0.number');
  });

  it('defaults the lawful basis to public task, and keeps another one given', async () => {
    const res = await a.post('/api/people', { name: 'Стоян Стоянов' });
    expect(res.status).toBe(201);
    expect(res.body.lawfulBasis).toBe('public_task');
    expect((await createPerson(a, { name: 'Мила Добрева', lawfulBasis: 'consent' })).lawfulBasis).toBe('consent');
    const bad = await a.post('/api/people', { name: 'X', lawfulBasis: 'because' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ path: 'lawfulBasis', reason: 'invalid_choice' });
  });

  it('links an existing organisation, and refuses an unknown or hidden one with field organizationId', async () => {
    const org = await createOrganization(a, { name: { original: 'bg', values: { bg: 'Община Шумен', en: 'Shumen Municipality' } } });
    const linked = await createPerson(a, { name: 'Любомир Христов', organizationId: org.id });
    expect(linked.organization).toEqual({ id: org.id, name: org.name });
    expect((await a.get(`/api/organizations/${org.id}`)).body.peopleCount).toBe(1);

    const hidden = await createOrganization(b, { name: { original: 'bg', values: { bg: 'Тайна Организация' } }, confidential: true });
    const before = await tableCounts(s.database);
    for (const organizationId of ['00000000-0000-4000-8000-000000000000', hidden.id]) {
      const res = await a.post('/api/people', buildPerson({ organizationId }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation');
      expect(res.body.fields).toEqual([expect.objectContaining({ path: 'organizationId', reason: 'not_found' })]);
    }
    const patch = await a.patch(`/api/people/${linked.id}`, { version: 1, organizationId: hidden.id });
    expect(patch.status).toBe(400);
    expect(patch.body.fields[0].path).toBe('organizationId');
    expect(await tableCounts(s.database)).toEqual(before);
  });
});

describe('list', () => {
  const tag = 'people-list-fixture';
  let org: Organization;
  let mayor: Person;
  let deputy: Person;
  let otherMayor: Person;
  let official: Person;

  beforeAll(async () => {
    org = await createOrganization(a, { name: { original: 'bg', values: { bg: 'Община Добрич' } } });
    mayor = await createPerson(a, { name: 'Йордан Йорданов', organizationId: org.id, precedenceCategory: 'mayor', tags: [tag] });
    deputy = await createPerson(a, { name: 'Анна Колева', organizationId: org.id, precedenceCategory: 'deputy_mayor', tags: [tag] });
    otherMayor = await createPerson(a, { name: 'ლევან ხაბეიშვილი', precedenceCategory: 'mayor', tags: [tag] });
    official = await createPerson(a, { name: 'Bernard Weiss', precedenceCategory: 'official', tags: [tag] });
  });

  const list = async (query: string) => {
    const res = await a.get(`/api/people?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body as { items: Person[]; total: number };
  };

  it('filters by organisation and precedence category', async () => {
    const ofOrg = await list(`organizationId=${org.id}&sort=name`);
    expect(ids(ofOrg)).toEqual([deputy.id, mayor.id]);
    expect(ofOrg.total).toBe(2);
    expect(ids(await list(`tag=${tag}&precedenceCategory=mayor&sort=name`))).toEqual([otherMayor.id, mayor.id]);
    expect(ids(await list(`organizationId=${org.id}&precedenceCategory=mayor`))).toEqual([mayor.id]);
    expect((await list(`tag=${tag}`)).total).toBe(4);
    expect((await a.get('/api/people?precedenceCategory=emperor')).status).toBe(400);
  });

  it('sorts by the Latin form of the name across scripts, and finds by text in any script', async () => {
    // anna koleva, bernard weiss, levan khabeishvili, yordan yordanov
    expect(ids(await list(`tag=${tag}&sort=name`))).toEqual([deputy.id, official.id, otherMayor.id, mayor.id]);
    expect(ids(await list(`tag=${tag}&q=Khabeishvili`))).toEqual([otherMayor.id]);
    expect(ids(await list(`tag=${tag}&q=${encodeURIComponent('Йордан')}`))).toEqual([mayor.id]);
    expect(ids(await list(`tag=${tag}&q=yordanov`))).toEqual([mayor.id]);
    const page = await list(`tag=${tag}&sort=name&pageSize=3&page=2`);
    expect(page.total).toBe(4);
    expect(ids(page)).toEqual([mayor.id]);
  });
});

describe('update and optimistic concurrency', () => {
  it('changes only the fields sent', async () => {
    const person = await createPerson(a, {
      name: 'Петя Маринова',
      formOfAddress: { en: 'Ms' },
      phones: [{ label: 'office', number: '+359 2 111 222' }],
      accompanyingPersons: [{ name: 'Тодор Маринов', relation: 'husband' }],
      lawfulBasis: 'consent',
      tags: ['culture'],
      notes: 'Opera',
    });
    const res = await a.patch(`/api/people/${person.id}`, { version: 1, email: 'p.marinova@example.bg' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...person, email: 'p.marinova@example.bg', version: 2, updatedAt: res.body.updatedAt });
    const history = (await a.get(`/api/people/${person.id}/history`)).body.items as AuditEntry[];
    expect(history.map((e) => e.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual([{ field: 'email', before: null, after: 'p.marinova@example.bg' }]);
  });

  it('answers a stale change with 409 and who made the newer one, leaving the record unchanged', async () => {
    const person = await createPerson(a, { name: 'Радослав Русев' });
    const byB = await b.patch(`/api/people/${person.id}`, { version: 1, formOfAddress: { bg: 'Г-н', en: 'Mr' } });
    expect(byB.status).toBe(200);
    const stale = await a.patch(`/api/people/${person.id}`, { version: 1, name: 'Радослав Р. Русев' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toEqual({ version: 2, updatedAt: byB.body.updatedAt, updatedBy: { id: expect.any(String), name: names.b } });
    expect((await a.get(`/api/people/${person.id}`)).body).toEqual(byB.body);

    const staleDelete = await a.del(`/api/people/${person.id}?version=1`);
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body.current.version).toBe(2);
    expect((await a.del(`/api/people/${person.id}?version=2`)).status).toBe(204);
    expect((await a.get(`/api/people/${person.id}`)).status).toBe(404);
  });
});

describe('merge', () => {
  it('moves the timeline to the kept person, fills empty fields and deletes the other', async () => {
    const org = await createOrganization(a, { name: { original: 'bg', values: { bg: 'Община Ямбол' } } });
    const keep = await createPerson(a, { name: 'Валентин Ревански', phones: [{ number: '+359 46 681 100' }], tags: ['mayor'] });
    const other = await createPerson(a, {
      name: 'Валентин Ревански',
      nameLatin: 'Valentin Revanski',
      email: 'v.revanski@yambol.bg',
      organizationId: org.id,
      phones: [{ number: '+359 46 681 100' }, { number: '+359 88 000 1111' }],
      tags: ['yambol', 'mayor'],
      formOfAddress: { en: 'Mr Mayor' },
    });
    const timeline = async (personId: string) =>
      ((await a.get(`/api/interactions?personId=${personId}`)).body.items as { id: string }[]).map((i) => i.id);
    const event = async (personId: string, subject: string, occurredAt: string) =>
      (await a.post('/api/interactions', { kind: 'call', occurredAt, subject, personId })).body.id as string;
    const kept = await event(keep.id, 'Call about the festival', '2024-02-01T10:00:00Z');
    const moved1 = await event(other.id, 'Letter of thanks', '2024-06-01T10:00:00Z');
    const moved2 = await event(other.id, 'Visit to Yambol', '2023-09-01T10:00:00Z');

    const stale = await a.post(`/api/people/${keep.id}/merge`, { otherId: other.id, version: keep.version, otherVersion: other.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(other.version);
    expect(await timeline(other.id)).toEqual([moved1, moved2]);

    const res = await a.post(`/api/people/${keep.id}/merge`, { otherId: other.id, version: keep.version, otherVersion: other.version });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: keep.id,
      version: 2,
      email: 'v.revanski@yambol.bg',
      organization: { id: org.id },
      formOfAddress: { en: 'Mr Mayor' },
      phones: [{ label: '', number: '+359 46 681 100' }, { label: '', number: '+359 88 000 1111' }],
    });
    expect([...res.body.tags].sort()).toEqual(['mayor', 'yambol']);
    expect(await timeline(keep.id)).toEqual([moved1, kept, moved2]);
    expect((await a.get(`/api/people/${other.id}`)).status).toBe(404);
    const history = (await a.get(`/api/people/${keep.id}/history`)).body.items as AuditEntry[];
    expect(history[0].action).toBe('merge');
    expect(history[0].summary).toContain('2 interactions');
  });
});

describe('confidential people', () => {
  let secret: Person;

  beforeAll(async () => {
    secret = await createPerson(a, { name: 'Тодорина Тайнова', confidential: true, tags: ['secret-people'] });
  });

  it('are seen by the owner, heads of department and administrators only', async () => {
    for (const c of [a, head, admin]) expect((await c.get(`/api/people/${secret.id}`)).status).toBe(200);
    expect((await b.get(`/api/people/${secret.id}`)).status).toBe(404);
    expect((await b.get(`/api/people/${secret.id}/history`)).status).toBe(404);
    expect((await b.patch(`/api/people/${secret.id}`, { version: 1, notes: 'x' })).status).toBe(404);
    expect((await b.del(`/api/people/${secret.id}?version=1`)).status).toBe(404);
  });

  it('never appear to another specialist in list, search, similar or export', async () => {
    const q = 'Taynova';
    const has = async (c: Client, url: string, pick: (body: any) => string[]) => pick((await c.get(url)).body).includes(secret.id);
    const listIds = (body: any) => ids(body);
    const searchIds = (body: any) => body.results.map((r: { id: string }) => r.id);
    const similarIds = (body: any) => body.map((r: { id: string }) => r.id);
    for (const [url, pick] of [
      [`/api/people?q=${q}`, listIds],
      [`/api/search?q=${q}`, searchIds],
      [`/api/people/similar?name=${encodeURIComponent('Todorina Taynova')}`, similarIds],
    ] as const) {
      expect(await has(a, url, pick)).toBe(true);
      expect(await has(head, url, pick)).toBe(true);
      expect(await has(b, url, pick)).toBe(false);
    }
    const exportOf = async (c: Client) => {
      const res = await fetch(`${s.url}/api/people/export?format=csv&tag=secret-people`, { headers: { cookie: c.cookie } });
      expect(res.status).toBe(200);
      const rows = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      return rows.slice(1).map((r) => r[0]);
    };
    expect(await exportOf(a)).toEqual([secret.id]);
    expect(await exportOf(b)).toEqual([]);
  });

  it('stay confidential when a change does not mention it', async () => {
    const res = await a.patch(`/api/people/${secret.id}`, { version: 1, notes: 'Met at the reception' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ confidential: true, tags: ['secret-people'], notes: 'Met at the reception' });
    expect((await b.get(`/api/people/${secret.id}`)).status).toBe(404);
  });
});
