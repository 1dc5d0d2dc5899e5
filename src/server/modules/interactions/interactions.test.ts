import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit.js';
import type { Interaction } from '../../../contracts/interactions.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { Person } from '../../../contracts/people.js';
import { buildOrganization, buildPerson, startServer, tableCounts, type Client, type TestServer } from '../../test/harness.js';

let s: TestServer;
let a: Client; // specialist A
let b: Client; // specialist B
let head: Client;
const names: Record<string, string> = {};

beforeAll(async () => {
  s = await startServer();
  [a, b, head] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('head_of_department')]);
  for (const [key, c] of Object.entries({ a, b, head })) names[key] = (await c.get('/api/auth/session')).body.user.name;
});
afterAll(() => s.close());

async function organization(c: Client, bg: string, over: Record<string, unknown> = {}): Promise<Organization> {
  const res = await c.post('/api/organizations', buildOrganization({ name: { original: 'bg', values: { bg } }, ...over }));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function interaction(c: Client, body: Record<string, unknown>): Promise<Interaction> {
  const res = await c.post('/api/interactions', { kind: 'meeting', notes: '', ...body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const timeline = async (c: Client, query: string) => {
  const res = await c.get(`/api/interactions?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as { items: Interaction[]; total: number };
};

describe('timeline', () => {
  it('lists the interactions of an organisation, newest first, with links and author', async () => {
    const ruse = await organization(a, 'Община Русе');
    const varna = await organization(a, 'Община Варна');
    const person = (await a.post('/api/people', buildPerson({ name: 'Пенчо Милков', organizationId: ruse.id }))).body as Person;
    const march = await interaction(a, { occurredAt: '2024-03-01T10:00:00Z', subject: 'Twinning talks', organizationId: ruse.id });
    const january = await interaction(b, {
      kind: 'letter',
      occurredAt: '2025-01-15T08:30:00+02:00',
      subject: 'Invitation to the Danube festival',
      organizationId: ruse.id,
      personId: person.id,
      notes: 'Sent by post and e-mail',
    });
    const november = await interaction(a, { kind: 'call', occurredAt: '2024-11-20T14:00:00Z', subject: 'Budget call', organizationId: ruse.id });
    await interaction(a, { occurredAt: '2025-02-01T10:00:00Z', subject: 'Varna only', organizationId: varna.id });

    expect(january).toMatchObject({
      kind: 'letter',
      occurredAt: '2025-01-15T06:30:00.000Z',
      subject: 'Invitation to the Danube festival',
      notes: 'Sent by post and e-mail',
      organization: { id: ruse.id, label: 'Община Русе' },
      person: { id: person.id, label: 'Пенчо Милков' },
      version: 1,
    });
    expect(january.createdBy?.name).toBe(names.b);

    const ofRuse = await timeline(a, `organizationId=${ruse.id}`);
    expect(ofRuse.items.map((i) => i.id)).toEqual([january.id, november.id, march.id]);
    expect(ofRuse.total).toBe(3);
    const paged = await timeline(a, `organizationId=${ruse.id}&pageSize=2&page=2`);
    expect(paged.items.map((i) => i.id)).toEqual([march.id]);
    expect(paged.total).toBe(3);
    expect((await timeline(a, `personId=${person.id}`)).items.map((i) => i.id)).toEqual([january.id]);
    expect((await a.get(`/api/interactions/${november.id}`)).body).toEqual(november);
  });

  it('requires an organisation or a person that exists, and writes nothing otherwise', async () => {
    const before = await tableCounts(s.database);
    const none = await a.post('/api/interactions', { kind: 'meeting', occurredAt: '2024-01-01T10:00:00Z', subject: 'Floating' });
    expect(none.status).toBe(400);
    expect(none.body.fields).toEqual([expect.objectContaining({ path: 'organizationId', reason: 'required' })]);
    const nulls = await a.post('/api/interactions', { kind: 'meeting', occurredAt: '2024-01-01T10:00:00Z', subject: 'Floating', organizationId: null, personId: null });
    expect(nulls.status).toBe(400);
    const unknownOrg = await a.post('/api/interactions', { kind: 'meeting', occurredAt: '2024-01-01T10:00:00Z', subject: 'Ghost', organizationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownOrg.status).toBe(400);
    expect(unknownOrg.body.fields[0]).toMatchObject({ path: 'organizationId', reason: 'not_found' });
    const unknownPerson = await a.post('/api/interactions', { kind: 'call', occurredAt: '2024-01-01T10:00:00Z', subject: 'Ghost', personId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownPerson.status).toBe(400);
    expect(unknownPerson.body.fields[0]).toMatchObject({ path: 'personId', reason: 'not_found' });
    const badFields = await a.post('/api/interactions', { kind: 'telepathy', occurredAt: 'yesterday', subject: ' ', organizationId: '00000000-0000-4000-8000-000000000000' });
    expect(badFields.status).toBe(400);
    expect(badFields.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['kind', 'occurredAt', 'subject']);
    expect(await tableCounts(s.database)).toEqual(before);
  });
});

describe('update and delete', () => {
  it('changes only the fields sent, with the version, and answers a stale version with 409', async () => {
    const org = await organization(a, 'Община Силистра');
    const other = await organization(a, 'Община Тутракан');
    const event = await interaction(a, { occurredAt: '2024-04-04T09:00:00Z', subject: 'Danube bridge meeting', notes: 'Minutes attached', organizationId: org.id });

    const byB = await b.patch(`/api/interactions/${event.id}`, { version: 1, subject: 'Danube bridge: first meeting' });
    expect(byB.status).toBe(200);
    expect(byB.body).toMatchObject({ version: 2, subject: 'Danube bridge: first meeting', notes: 'Minutes attached', kind: 'meeting', occurredAt: '2024-04-04T09:00:00.000Z', organization: { id: org.id } });
    expect(byB.body.updatedBy.name).toBe(names.b);
    expect(byB.body.createdBy.name).toBe(names.a);

    const stale = await a.patch(`/api/interactions/${event.id}`, { version: 1, notes: 'Overwritten' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toEqual({ version: 2, updatedAt: byB.body.updatedAt, updatedBy: { id: expect.any(String), name: names.b } });
    expect((await a.get(`/api/interactions/${event.id}`)).body).toEqual(byB.body);

    const moved = await a.patch(`/api/interactions/${event.id}`, { version: 2, organizationId: other.id });
    expect(moved.status).toBe(200);
    expect(moved.body.organization.id).toBe(other.id);
    expect((await timeline(a, `organizationId=${org.id}`)).total).toBe(0);
    expect((await timeline(a, `organizationId=${other.id}`)).items.map((i) => i.id)).toEqual([event.id]);
    const unlinked = await a.patch(`/api/interactions/${event.id}`, { version: 3, organizationId: null });
    expect(unlinked.status).toBe(400);
    expect(unlinked.body.fields[0].path).toBe('organizationId');

    const history = (await a.get(`/api/interactions/${event.id}/history`)).body.items as AuditEntry[];
    expect(history.map((e) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toEqual([{ field: 'subject', before: 'Danube bridge meeting', after: 'Danube bridge: first meeting' }]);
  });

  it('deletes with the current version only', async () => {
    const org = await organization(a, 'Община Враца');
    const event = await interaction(a, { occurredAt: '2024-05-05T09:00:00Z', subject: 'Botev days', organizationId: org.id });
    await a.patch(`/api/interactions/${event.id}`, { version: 1, kind: 'visit' });
    const stale = await a.del(`/api/interactions/${event.id}?version=1`);
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(2);
    expect((await timeline(a, `organizationId=${org.id}`)).total).toBe(1);
    expect((await a.del(`/api/interactions/${event.id}?version=2`)).status).toBe(204);
    expect((await a.get(`/api/interactions/${event.id}`)).status).toBe(404);
    expect((await timeline(a, `organizationId=${org.id}`)).total).toBe(0);
    expect((await a.del(`/api/interactions/${event.id}?version=2`)).status).toBe(404);
  });
});

describe('confidential links', () => {
  it('hide the interactions of a confidential organisation or person from other specialists', async () => {
    const secretOrg = await organization(a, 'Тайна Комисия', { confidential: true });
    const secretPerson = (await a.post('/api/people', buildPerson({ name: 'Стела Скрита', confidential: true }))).body as Person;
    const publicOrg = await organization(a, 'Община Перник');
    const onOrg = await interaction(a, { occurredAt: '2024-07-01T10:00:00Z', subject: 'Closed consultation', organizationId: secretOrg.id });
    // A public organisation, but with a confidential person present: hidden as well.
    const withPerson = await interaction(a, { occurredAt: '2024-07-02T10:00:00Z', subject: 'Private dinner', organizationId: publicOrg.id, personId: secretPerson.id });
    const open = await interaction(a, { occurredAt: '2024-07-03T10:00:00Z', subject: 'Public forum', organizationId: publicOrg.id });

    for (const c of [a, head]) {
      expect((await c.get(`/api/interactions/${onOrg.id}`)).status).toBe(200);
      expect((await timeline(c, `organizationId=${secretOrg.id}`)).items.map((i) => i.id)).toEqual([onOrg.id]);
      expect((await timeline(c, `organizationId=${publicOrg.id}`)).items.map((i) => i.id)).toEqual([open.id, withPerson.id]);
    }

    expect((await b.get(`/api/interactions/${onOrg.id}`)).status).toBe(404);
    expect((await b.get(`/api/interactions/${withPerson.id}`)).status).toBe(404);
    expect((await b.get(`/api/interactions/${onOrg.id}/history`)).status).toBe(404);
    expect(await timeline(b, `organizationId=${secretOrg.id}`)).toMatchObject({ items: [], total: 0 });
    expect(await timeline(b, `organizationId=${publicOrg.id}`)).toMatchObject({ items: [{ id: open.id }], total: 1 });
    expect((await b.patch(`/api/interactions/${onOrg.id}`, { version: 1, subject: 'Leaked' })).status).toBe(404);
    expect((await b.del(`/api/interactions/${onOrg.id}?version=1`)).status).toBe(404);
    const attach = await b.post('/api/interactions', { kind: 'meeting', occurredAt: '2024-07-04T10:00:00Z', subject: 'Probe', organizationId: secretOrg.id });
    expect(attach.status).toBe(400);
    expect(attach.body.fields[0]).toMatchObject({ path: 'organizationId', reason: 'not_found' });
    expect((await a.get(`/api/interactions/${onOrg.id}`)).body.subject).toBe('Closed consultation');
  });
});
