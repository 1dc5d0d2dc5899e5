import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gift } from '../../../contracts/visits.logistics.js';
import { buildPerson, startServer, type Client, type TestServer } from '../../test/harness.js';
import { add, buildTrip, createVisit, download, fieldsOf, ml } from './visits.fixtures.js';

let s: TestServer;
let a: Client;
let b: Client;
let viewer: Client;
const tag = `G${Date.now().toString(36)}`;
const gifts: Record<string, Gift> = {};
let incomingId: string;
let tripId: string;
let personId: string;

// A 1×1 PNG, and the first bytes of a JPEG and a WebP.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);

beforeAll(async () => {
  s = await startServer({ LEGATO_MAX_UPLOAD_MB: '0.1' });
  [a, b, viewer] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('viewer')]);
  personId = (await a.post('/api/people', buildPerson({ name: 'Лаша Гвасалия' }))).body.id;
  incomingId = (await createVisit(a, { title: ml('en', { en: `Zugdidi delegation ${tag}` }), startDate: '2027-05-10', endDate: '2027-05-12' })).id;
  tripId = (await createVisit(a, buildTrip({ title: ml('en', { en: `Trip to Tbilisi ${tag}` }), startDate: '2027-09-01', endDate: '2027-09-03' }))).id;
  gifts.book = await add(a, 'gifts', { visitId: incomingId, direction: 'given', personId, description: `Album of Ruse ${tag}`, value: 45, currency: 'BGN' });
  gifts.wine = await add(a, 'gifts', { visitId: incomingId, direction: 'received', counterpart: 'Mayor of Zugdidi', description: `Kvevri wine ${tag}`, value: 120, currency: 'GEL', date: '2027-05-11' });
  gifts.plate = await add(a, 'gifts', { visitId: tripId, direction: 'given', counterpart: 'Tbilisi City Hall', description: `Ceramic plate ${tag}`, value: 80, currency: 'EUR' });
  gifts.icon = await add(a, 'gifts', { visitId: tripId, direction: 'received', counterpart: 'Deputy Mayor', description: `Icon ${tag}` });
});
afterAll(() => s.close());

const register = (q: string, c: Client = a) => c.get(`/api/gifts?q=${tag}&${q}`).then((r) => r.body.items.map((g: Gift) => g.description.replace(` ${tag}`, '')));

describe('the gifts register', () => {
  it('lists gifts of every visit and trip, with the visit and the counterpart', async () => {
    expect(gifts.book).toMatchObject({ direction: 'given', person: { id: personId, name: 'Лаша Гвасалия' }, value: 45, currency: 'BGN', date: null, photo: null, visit: { id: incomingId, direction: 'incoming', startDate: '2027-05-10' } });
    expect(await register('')).toEqual(['Album of Ruse', 'Kvevri wine', 'Ceramic plate', 'Icon']);
    expect(await register('', viewer)).toHaveLength(4);
  });

  it('filters by direction, kind of visit, visit, person, dates and text', async () => {
    expect(await register('direction=received')).toEqual(['Kvevri wine', 'Icon']);
    expect(await register('visitDirection=outgoing')).toEqual(['Ceramic plate', 'Icon']);
    expect(await register(`visitId=${incomingId}&direction=given`)).toEqual(['Album of Ruse']);
    expect(await register(`personId=${personId}`)).toEqual(['Album of Ruse']);
    // A gift without its own date counts from the first day of its visit.
    expect(await register('from=2027-05-11&to=2027-05-31')).toEqual(['Kvevri wine']);
    expect(await register('from=2027-06-01')).toEqual(['Ceramic plate', 'Icon']);
    expect(await register('sort=value&order=desc')).toEqual(['Icon', 'Kvevri wine', 'Ceramic plate', 'Album of Ruse']);
    expect(await a.get(`/api/gifts?q=kvevri`).then((r) => r.body.total)).toBe(1);
  });

  it('hides the gifts of a confidential visit from those who may not see it', async () => {
    const secret = await createVisit(a, { confidential: true });
    await add(a, 'gifts', { visitId: secret.id, direction: 'given', counterpart: 'Investor', description: `Silver pen ${tag}` });
    expect(await register('')).toContain('Silver pen');
    expect(await register('', b)).not.toContain('Silver pen');
  });

  it('needs a counterpart, a currency with a value, and an ISO 4217 code', async () => {
    const cases: [Record<string, unknown>, { path: string; reason: string }][] = [
      [{ description: 'Book' }, { path: 'counterpart', reason: 'required' }],
      [{ description: 'Book', counterpart: 'x', value: 10 }, { path: 'currency', reason: 'required' }],
      [{ description: 'Book', counterpart: 'x', value: 10, currency: 'LEV' }, { path: 'currency', reason: 'invalid_choice' }],
      [{ description: '', counterpart: 'x' }, { path: 'description', reason: 'required' }],
    ];
    for (const [body, field] of cases) {
      const res = await a.post('/api/gifts', { visitId: incomingId, direction: 'given', ...body });
      expect({ body, fields: fieldsOf(res.body) }).toEqual({ body, fields: [field] });
    }
    const changed = await a.patch(`/api/gifts/${gifts.icon.id}`, { version: 1, value: 300, currency: 'GEL', notes: 'Kept in the mayor’s office' });
    expect(changed.body).toMatchObject({ version: 2, value: 300, currency: 'GEL' });
    expect((await b.patch(`/api/gifts/${gifts.icon.id}`, { version: 1, value: 1 })).status).toBe(409);
  });
});

describe('gift photos', () => {
  const upload = (c: Client, id: string, version: number | string, data: Buffer, name = 'photo.png', type = 'image/png') => {
    const form = new FormData();
    form.append('version', String(version));
    form.append('photo', new Blob([new Uint8Array(data)], { type }), name);
    return c.request('PUT', `/api/gifts/${id}/photo`, form);
  };

  it('stores a JPEG, PNG or WebP by its content, and serves it back', async () => {
    const gift = await add(a, 'gifts', { visitId: incomingId, direction: 'received', counterpart: 'Guest', description: 'Painting' });
    const res = await upload(a, gift.id, 1, PNG, 'painting.jpg', 'image/jpeg');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: 2, photo: { type: 'image/png', size: PNG.length } });
    const got = await download(s.url, viewer, `/api/gifts/${gift.id}/photo`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.bytes.equals(PNG)).toBe(true);
    const jpeg = await upload(a, gift.id, 2, JPEG, 'photo.bin', 'application/octet-stream');
    expect(jpeg.body.photo).toEqual({ type: 'image/jpeg', size: JPEG.length });
    const removed = await a.del(`/api/gifts/${gift.id}/photo?version=3`);
    expect(removed.body).toMatchObject({ version: 4, photo: null });
    expect((await viewer.get(`/api/gifts/${gift.id}/photo`)).status).toBe(404);
  });

  it('refuses other content, a stale version, too large a file, and those who may not write', async () => {
    const gift = await add(a, 'gifts', { visitId: incomingId, direction: 'received', counterpart: 'Guest', description: 'Vase' });
    for (const [data, name] of [[Buffer.from('<svg onload=alert(1)>'), 'x.png'], [Buffer.from('MZ\x90\x00'), 'x.jpg'], [Buffer.from('GIF89a'), 'x.gif']] as const) {
      const res = await upload(a, gift.id, 1, data, name);
      expect({ name, status: res.status }).toEqual({ name, status: 415 });
    }
    expect((await upload(a, gift.id, 7, PNG)).status).toBe(409);
    const big = Buffer.concat([PNG, Buffer.alloc(200_000)]);
    expect((await upload(a, gift.id, 1, big)).status).toBe(413);
    expect((await upload(viewer, gift.id, 1, PNG)).status).toBe(403);
    expect((await a.request('PUT', `/api/gifts/${gift.id}/photo`, { version: 1 })).status).toBe(415);
    const noVersion = new FormData();
    noVersion.append('photo', new Blob([new Uint8Array(PNG)]), 'p.png');
    expect(fieldsOf((await a.request('PUT', `/api/gifts/${gift.id}/photo`, noVersion)).body)).toEqual([{ path: 'version', reason: 'required' }]);
    expect((await a.get(`/api/gifts/${gift.id}`)).status).toBe(404); // a gift is read through the register or its visit
    const detail = (await a.get(`/api/visits/${incomingId}`)).body;
    expect(detail.gifts.find((g: Gift) => g.id === gift.id)).toMatchObject({ version: 1, photo: null });
  });
});
