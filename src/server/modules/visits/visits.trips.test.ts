import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../../contracts/visits.js';
import { buildPerson, startServer, type Client, type TestServer } from '../../test/harness.js';
import { add, buildTrip, createVisit, fieldsOf } from './visits.fixtures.js';

let s: TestServer;
let a: Client; // specialist
let b: Client; // specialist
let press: Client;
let viewer: Client;
let translator: Client;

beforeAll(async () => {
  s = await startServer();
  [a, b, press, viewer, translator] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('press_officer'), s.as('viewer'), s.as('translator')]);
});
afterAll(() => s.close());

async function person(name: string, over: Record<string, unknown> = {}) {
  const res = await a.post('/api/people', buildPerson({ name, ...over }));
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number };
}

let numbers = 0;
async function passport(personId: string, expiresOn: string, over: Record<string, unknown> = {}) {
  numbers += 1;
  const res = await a.post('/api/passports', { personId, number: `SP${100000 + numbers}`, kind: 'service', issuingCountry: 'BG', issuedOn: '2020-01-01', expiresOn, ...over });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('passports', () => {
  it('are kept per person, for the roles that arrange trips only', async () => {
    const mayor = await person('Кмет Тестов');
    const p = await passport(mayor.id, '2030-05-31', { number: 'sp 12 34 567', notes: 'Kept in the safe' });
    expect(p).toMatchObject({ version: 1, person: { id: mayor.id, name: 'Кмет Тестов' }, number: 'SP1234567', kind: 'service', issuingCountry: 'BG', expiresOn: '2030-05-31', expired: false });
    const list = await b.get(`/api/passports?personId=${mayor.id}`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);

    for (const c of [press, viewer, translator]) {
      expect((await c.get(`/api/passports?personId=${mayor.id}`)).status).toBe(403);
      expect((await c.get(`/api/passports/${p.id}`)).status).toBe(403);
      expect((await c.post('/api/passports', { personId: mayor.id, number: 'X1', kind: 'ordinary', issuingCountry: 'BG', expiresOn: '2030-01-01' })).status).toBe(403);
    }

    const changed = await b.patch(`/api/passports/${p.id}`, { version: 1, expiresOn: '2031-05-31' });
    expect(changed.body).toMatchObject({ version: 2, expiresOn: '2031-05-31', notes: 'Kept in the safe' });
    expect((await a.patch(`/api/passports/${p.id}`, { version: 1, notes: '' })).status).toBe(409);
    const duplicate = await a.post('/api/passports', { personId: mayor.id, number: 'SP1234567', kind: 'service', issuingCountry: 'BG', expiresOn: '2030-01-01' });
    expect(duplicate.status).toBe(409);
    const reversed = await a.post('/api/passports', { personId: mayor.id, number: 'SP7', kind: 'service', issuingCountry: 'BG', issuedOn: '2030-01-01', expiresOn: '2020-01-01' });
    expect(fieldsOf(reversed.body)).toEqual([{ path: 'expiresOn', reason: 'before_start' }]);
    expect((await a.del(`/api/passports/${p.id}?version=2`)).status).toBe(204);
  });

  it('of a confidential person are as hidden as the person', async () => {
    const secret = await person('Поверително Лице', { confidential: true });
    const p = await passport(secret.id, '2030-01-01');
    expect((await b.get(`/api/passports/${p.id}`)).status).toBe(404);
    expect((await b.get(`/api/passports?personId=${secret.id}`)).body.total).toBe(0);
    expect((await a.get(`/api/passports/${p.id}`)).status).toBe(200);
    const create = await b.post('/api/passports', { personId: secret.id, number: 'Z9', kind: 'ordinary', issuingCountry: 'BG', expiresOn: '2030-01-01' });
    expect(fieldsOf(create.body)).toEqual([{ path: 'personId', reason: 'not_found' }]);
  });
});

describe('the 6-month passport rule on trips', () => {
  // The trip ends on 2027-03-10: a passport must be valid until 2027-09-10.
  it('flags travellers whose passport expires before the return, within six months of it, or is missing', async () => {
    const trip: Visit = await createVisit(a, buildTrip({ status: 'confirmed' }));
    const cases: [string, string | null][] = [
      ['Exactly six months', '2027-09-10'],
      ['One day short', '2027-09-09'],
      ['Expires during the trip', '2027-03-09'],
      ['Expires on the day of return', '2027-03-10'],
      ['Long valid', '2032-01-01'],
      ['No passport', null],
    ];
    const travellers: Record<string, string> = {};
    for (const [name, expiry] of cases) {
      const p = await person(name);
      if (expiry) await passport(p.id, expiry);
      const t = await add(a, 'visit-participants', { visitId: trip.id, role: 'traveller', personId: p.id });
      travellers[name] = t.id;
    }
    const free = await add(a, 'visit-participants', { visitId: trip.id, role: 'traveller', name: 'Driver not in the directory' });
    expect(free.passportWarning).toEqual({ participantId: free.id, personId: null, expiry: null, reason: 'no_passport' });
    await add(a, 'visit-participants', { visitId: trip.id, role: 'interpreter', name: 'Local interpreter' });

    const detail: Visit = (await a.get(`/api/visits/${trip.id}`)).body;
    const byName = Object.fromEntries(detail.passportWarnings!.map((w) => [Object.keys(travellers).find((n) => travellers[n] === w.participantId) ?? 'free', [w.reason, w.expiry]]));
    expect(byName).toEqual({
      'One day short': ['expires_within_6_months', '2027-09-09'],
      'Expires during the trip': ['expires_before_return', '2027-03-09'],
      'Expires on the day of return': ['expires_within_6_months', '2027-03-10'],
      'No passport': ['no_passport', null],
      free: ['no_passport', null],
    });
    expect(detail.participants.find((p) => p.id === travellers['Exactly six months'])?.passportWarning).toBeNull();
    expect(detail.participants.find((p) => p.id === travellers['One day short'])?.passportWarning?.reason).toBe('expires_within_6_months');

    const listed = (await a.get('/api/visits?direction=outgoing&pageSize=200')).body.items.find((v: { id: string }) => v.id === trip.id);
    expect(listed.passportWarnings).toEqual(detail.passportWarnings);
  });

  it('uses the passport valid longest, follows the trip’s dates, and answers the warnings when a trip or traveller is saved', async () => {
    const trip: Visit = await createVisit(a, buildTrip());
    const p = await person('Two passports');
    await passport(p.id, '2027-04-01');
    const traveller = await add(a, 'visit-participants', { visitId: trip.id, role: 'traveller', personId: p.id });
    expect(traveller.passportWarning).toMatchObject({ reason: 'expires_within_6_months', expiry: '2027-04-01' });
    await passport(p.id, '2029-01-01', { kind: 'diplomatic' });
    expect((await a.get(`/api/visits/${trip.id}`)).body.passportWarnings).toEqual([]);

    const later = await a.patch(`/api/visits/${trip.id}`, { version: 1, startDate: '2028-08-01', endDate: '2028-08-05' });
    expect(later.body.passportWarnings).toEqual([{ participantId: traveller.id, personId: p.id, expiry: '2029-01-01', reason: 'expires_within_6_months' }]);
    const saved = await a.patch(`/api/visit-participants/${traveller.id}`, { version: 1, notes: 'Needs a visa?' });
    expect(saved.body.passportWarning).toMatchObject({ reason: 'expires_within_6_months' });
  });

  it('leaves incoming visits, cancelled and finished trips alone, and shows nothing to roles without passports.read', async () => {
    const p = await person('Nobody’s passport');
    const incoming = await createVisit(a);
    await add(a, 'visit-participants', { visitId: incoming.id, role: 'traveller', personId: p.id });
    expect((await a.get(`/api/visits/${incoming.id}`)).body.passportWarnings).toEqual([]);
    const trip = await createVisit(a, buildTrip());
    const t = await add(a, 'visit-participants', { visitId: trip.id, role: 'traveller', personId: p.id });
    expect(t.passportWarning?.reason).toBe('no_passport');
    const cancelled = await a.patch(`/api/visits/${trip.id}`, { version: 1, status: 'cancelled' });
    expect(cancelled.body.passportWarnings).toEqual([]);
    await a.patch(`/api/visits/${trip.id}`, { version: 2, status: 'confirmed' });
    for (const c of [press, viewer]) {
      const seen: Visit = (await c.get(`/api/visits/${trip.id}`)).body;
      expect(seen.passportWarnings).toBeNull();
      expect(seen.participants[0].passportWarning).toBeNull();
      const listed = (await c.get('/api/visits?direction=outgoing&pageSize=200')).body.items;
      expect(listed.every((v: Visit) => v.passportWarnings === null)).toBe(true);
    }
  });
});

describe('tickets and budget', () => {
  it('keeps local times with their zones, and refuses an arrival before the departure in real time', async () => {
    const trip = await createVisit(a, buildTrip());
    const mayor = await add(a, 'visit-participants', { visitId: trip.id, role: 'traveller', name: 'Mayor' });
    // Tbilisi 08:00 (04:00 UTC) → Sofia 07:30 (05:30 UTC): earlier on the clock, later in time.
    const back = await add(a, 'visit-tickets', {
      visitId: trip.id,
      participantId: mayor.id,
      carrier: 'Georgian Airways',
      number: 'A9 711',
      from: 'Tbilisi (TBS)',
      to: 'Sofia (SOF)',
      departureAt: '2027-03-10T08:00',
      departureTimeZone: 'Asia/Tbilisi',
      arrivalAt: '2027-03-10T07:30',
      arrivalTimeZone: 'Europe/Sofia',
      bookingReference: 'QX7T2L',
    });
    expect(back).toMatchObject({ departureAt: '2027-03-10T08:00', departureTimeZone: 'Asia/Tbilisi', arrivalAt: '2027-03-10T07:30', arrivalTimeZone: 'Europe/Sofia', participantId: mayor.id });
    // Sofia 10:00 (08:00 UTC) → Tbilisi 11:00 (07:00 UTC): impossible.
    const impossible = await a.post('/api/visit-tickets', {
      visitId: trip.id,
      carrier: 'Air',
      from: 'Sofia',
      to: 'Tbilisi',
      departureAt: '2027-03-08T10:00',
      departureTimeZone: 'Europe/Sofia',
      arrivalAt: '2027-03-08T11:00',
      arrivalTimeZone: 'Asia/Tbilisi',
    });
    expect(fieldsOf(impossible.body)).toEqual([{ path: 'arrivalAt', reason: 'before_start' }]);
    const badZone = await a.patch(`/api/visit-tickets/${back.id}`, { version: 1, arrivalTimeZone: 'Sofia' });
    expect(fieldsOf(badZone.body)).toEqual([{ path: 'arrivalTimeZone', reason: 'invalid_time_zone' }]);
  });

  it('adds up estimates and actuals per currency, and accepts ISO 4217 codes only', async () => {
    const trip = await createVisit(a, buildTrip());
    await add(a, 'visit-budget-lines', { visitId: trip.id, category: 'travel', description: 'Flights', estimate: 1200.1, actual: 1180.2, currency: 'EUR' });
    await add(a, 'visit-budget-lines', { visitId: trip.id, category: 'per_diem', estimate: 0.2, currency: 'EUR' });
    const hotel = await add(a, 'visit-budget-lines', { visitId: trip.id, category: 'accommodation', estimate: 900, currency: 'GEL' });
    expect(hotel).toMatchObject({ estimate: 900, actual: null, currency: 'GEL' });
    const detail: Visit = (await a.get(`/api/visits/${trip.id}`)).body;
    expect(detail.budgetTotals).toEqual([
      { currency: 'EUR', estimate: 1200.3, actual: 1180.2 },
      { currency: 'GEL', estimate: 900, actual: 0 },
    ]);
    for (const currency of ['XYZ', 'eur', 'Euro']) {
      const bad = await a.post('/api/visit-budget-lines', { visitId: trip.id, category: 'travel', estimate: 1, currency });
      expect({ currency, fields: fieldsOf(bad.body) }).toEqual({ currency, fields: [{ path: 'currency', reason: 'invalid_choice' }] });
    }
    const negative = await a.patch(`/api/visit-budget-lines/${hotel.id}`, { version: 1, actual: -5 });
    expect(fieldsOf(negative.body)).toEqual([{ path: 'actual', reason: 'too_small' }]);
    const actual = await a.patch(`/api/visit-budget-lines/${hotel.id}`, { version: 1, actual: 950.55 });
    expect(actual.body).toMatchObject({ version: 2, estimate: 900, actual: 950.55 });
  });
});
