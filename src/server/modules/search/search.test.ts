import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../contracts/search.js';
import { buildOrganization, buildPerson, startServer, type Client, type TestServer } from '../../test/harness.js';

let s: TestServer;
let a: Client; // specialist A, owner of the confidential records
let b: Client; // specialist B
let head: Client;
const id: Record<string, string> = {};

async function post(c: Client, url: string, body: Record<string, unknown>): Promise<string> {
  const res = await c.post(url, body);
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const org = (original: string, values: Record<string, string>, over: Record<string, unknown> = {}) =>
  buildOrganization({ name: { original, values }, city: null, tags: [], ...over });

beforeAll(async () => {
  s = await startServer();
  [a, b, head] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('head_of_department')]);
  id.zugdidi = await post(a, '/api/organizations', org('ka', { ka: 'ზუგდიდის მუნიციპალიტეტი' }, { country: 'GE' }));
  id.ruse = await post(a, '/api/organizations', org('bg', { bg: 'Община Русе' }));
  id.port = await post(a, '/api/organizations', org('en', { en: 'Ruse Port Authority' }, { kind: 'company' }));
  id.tbilisi = await post(a, '/api/organizations', org('ka', { ka: 'თბილისი' }, { country: 'GE' }));
  id.varna = await post(a, '/api/organizations', org('bg', { bg: 'Община Варна' }));
  id.georgi = await post(a, '/api/people', buildPerson({ name: 'Георги Иванов', organizationId: id.ruse }));
  id.nino = await post(a, '/api/people', buildPerson({ name: 'ნინო ბერიძე', organizationId: id.zugdidi }));
  id.signing = await post(a, '/api/interactions', {
    kind: 'visit',
    occurredAt: '2024-10-10T10:00:00Z',
    subject: 'Signing of the twinning agreement',
    organizationId: id.ruse,
  });
  // Confidential records of A.
  id.secretOrg = await post(a, '/api/organizations', org('bg', { bg: 'Комисия Ловеч' }, { confidential: true }));
  id.secretPerson = await post(a, '/api/people', buildPerson({ name: 'Иван Ловешки', confidential: true }));
  id.secretEvent = await post(a, '/api/interactions', {
    kind: 'meeting',
    occurredAt: '2024-10-11T10:00:00Z',
    subject: 'Lovech hearing',
    organizationId: id.secretOrg,
  });
  id.secretPersonEvent = await post(a, '/api/interactions', {
    kind: 'call',
    occurredAt: '2024-10-12T10:00:00Z',
    subject: 'Lovech follow-up call',
    organizationId: id.varna,
    personId: id.secretPerson,
  });
});
afterAll(() => s.close());

async function search(c: Client, q: string, extra = ''): Promise<SearchResult[]> {
  const res = await c.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, res.text).toBe(200);
  return res.body.results;
}
const found = (results: SearchResult[]) => results.map((r) => r.id);

describe('across scripts', () => {
  it('finds a Georgian name by its Latin form', async () => {
    const results = await search(a, 'Zugdidi');
    const hit = results.find((r) => r.id === id.zugdidi);
    expect(hit).toMatchObject({ type: 'organization', title: 'ზუგდიდის მუნიციპალიტეტი', subtitle: 'GE' });
    expect(found(results)).not.toContain(id.tbilisi);
  });

  it('finds a Cyrillic name by Latin letters, and a Latin name by Cyrillic letters', async () => {
    const latin = found(await search(a, 'Ruse'));
    expect(latin).toEqual(expect.arrayContaining([id.ruse, id.port]));
    expect(latin).not.toContain(id.varna);
    const cyrillic = found(await search(a, 'Русе'));
    expect(cyrillic).toEqual(expect.arrayContaining([id.port, id.ruse]));
    expect(cyrillic).not.toContain(id.zugdidi);
  });

  it('tolerates a typo', async () => {
    const results = await search(a, 'Tbilsi');
    expect(results.find((r) => r.id === id.tbilisi)).toMatchObject({ type: 'organization', title: 'თბილისი' });
    expect(found(results)).not.toContain(id.varna);
    expect(found(await search(a, 'Zugdiddi'))).toContain(id.zugdidi);
  });

  it('finds a person by the Latin and by the original script', async () => {
    for (const q of ['Georgi Ivanov', 'Георги', 'ivanov']) {
      const hit = (await search(a, q)).find((r) => r.id === id.georgi);
      expect(hit, q).toMatchObject({ type: 'person', title: 'Георги Иванов' });
      expect(hit!.subtitle).toContain('Georgi Ivanov');
      expect(hit!.subtitle).toContain('Община Русе');
    }
    for (const q of ['Nino Beridze', 'ბერიძე']) {
      expect((await search(a, q)).find((r) => r.id === id.nino), q).toMatchObject({ type: 'person', title: 'ნინო ბერიძე' });
    }
    expect(found(await search(a, 'Beridze'))).not.toContain(id.georgi);
  });

  it('finds interactions by subject, pointing to their organisation', async () => {
    const hit = (await search(a, 'twinning agreement')).find((r) => r.id === id.signing);
    expect(hit).toMatchObject({ type: 'interaction', title: 'Signing of the twinning agreement', organizationId: id.ruse });
    expect(hit!.subtitle).toContain('2024-10-10');
    expect(found(await search(a, 'twining'))).toContain(id.signing);
  });

  it('looks for typos in interactions only when the directory gives fewer results than the limit', async () => {
    const subject = 'Quarterly Kelmedny review';
    const event = await post(a, '/api/interactions', { kind: 'meeting', occurredAt: '2024-10-13T10:00:00Z', subject, organizationId: id.varna });
    for (const n of [1, 2]) await post(a, '/api/organizations', org('en', { en: `Kelmendi Foundation ${n}` }));
    // "Kelmedni" is a typo of all three (of the interaction's word the closest): the two
    // organisations fill a limit of 2, so interactions are not searched for it; with room left
    // they are.
    const two = await search(a, 'Kelmedni', '&limit=2');
    expect(two.map((r) => r.type)).toEqual(['organization', 'organization']);
    expect(found(await search(a, 'Kelmedni', '&limit=10'))).toContain(event);
    // A substring match in an interaction is always looked for.
    expect(found(await search(a, 'Quarterly Kelmedny', '&limit=2'))).toContain(event);
  });

  it('respects the limit', async () => {
    const all = await search(a, 'Ruse');
    expect(all.length).toBeGreaterThan(1);
    const one = await search(a, 'Ruse', '&limit=1');
    expect(one).toHaveLength(1);
    expect(one[0].score).toBe(Math.max(...all.map((r) => r.score)));
  });
});

describe('confidential records', () => {
  const secrets = () => [id.secretOrg, id.secretPerson, id.secretEvent, id.secretPersonEvent];

  it('are found by their owner and by a head of department', async () => {
    for (const c of [a, head]) {
      const results = found([...(await search(c, 'Lovech')), ...(await search(c, 'Loveshki'))]);
      expect(results).toEqual(expect.arrayContaining(secrets()));
    }
  });

  it('never appear to another specialist', async () => {
    for (const q of ['Lovech', 'Ловеч', 'Loveshki', 'Komisia', 'hearing', 'follow-up call']) {
      const results = found(await search(b, q));
      for (const secret of secrets()) expect(results, q).not.toContain(secret);
    }
    // The public records around them are still found.
    expect(found(await search(b, 'Varna'))).toContain(id.varna);
  });
});

describe('query validation', () => {
  it('answers an empty, blank, missing or overlong query with 400', async () => {
    for (const url of ['/api/search?q=', '/api/search?q=%20%20%20', '/api/search', `/api/search?q=${'a'.repeat(201)}`, '/api/search?q=ruse&limit=0', '/api/search?q=ruse&limit=51']) {
      const res = await a.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.code).toBe('validation');
    }
    expect((await a.get(`/api/search?q=${'a'.repeat(200)}`)).status).toBe(200);
    expect((await s.client().get('/api/search?q=ruse')).status).toBe(401);
  });
});
