import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../../contracts/visits.js';
import { buildPerson, startServer, tableCounts, type Client, type TestServer } from '../../test/harness.js';
import { add, buildTrip, buildVisit, createVisit, fieldsOf, item, ml } from './visits.fixtures.js';

let s: TestServer;
let a: Client; // specialist A
let b: Client; // specialist B
let head: Client;
let admin: Client;
let viewer: Client;
let press: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startServer();
  [a, b, head, admin, viewer, press] = await Promise.all([
    s.as('specialist'),
    s.as('specialist'),
    s.as('head_of_department'),
    s.as('administrator'),
    s.as('viewer'),
    s.as('press_officer'),
  ]);
  for (const [key, c] of Object.entries({ a, b, head })) ids[key] = (await c.get('/api/auth/session')).body.user.id;
});
afterAll(() => s.close());

describe('create, read, update, delete', () => {
  it('creates an incoming visit in the office’s time zone, and a trip in the destination’s', async () => {
    const visit: Visit = await createVisit(a, { responsibleId: ids.a, contactPhone: '+359 82 500 500', purpose: ml('bg', { bg: 'Годишнина от побратимяването' }) });
    expect(visit).toMatchObject({
      version: 1,
      direction: 'incoming',
      status: 'proposed',
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      timeZone: 'Europe/Sofia',
      country: 'GE',
      guestLanguages: ['ka'],
      responsible: { id: ids.a },
      contactPhone: '+359 82 500 500',
      confidential: false,
      participants: [],
      programme: [],
      tasks: [],
      gifts: [],
      budgetTotals: [],
      shareLinks: [],
      passportWarnings: [],
      abilities: { update: true, delete: true },
    });
    expect(visit.owner?.id).toBe(ids.a);
    expect((await b.get(`/api/visits/${visit.id}`)).body).toEqual(visit);

    const trip = await createVisit(a, buildTrip());
    expect(trip.timeZone).toBe('Asia/Tbilisi');
    const explicit = await createVisit(a, buildTrip({ country: 'US', city: 'Chicago', timeZone: 'America/Chicago' }));
    expect(explicit.timeZone).toBe('America/Chicago');
  });

  it('asks for the zone of a trip to a country with several, and refuses unknown zones and reversed dates, naming the fields', async () => {
    const before = await tableCounts(s.database);
    const noZone = await a.post('/api/visits', buildTrip({ country: 'US', city: 'Chicago' }));
    expect({ status: noZone.status, fields: fieldsOf(noZone.body) }).toEqual({ status: 400, fields: [{ path: 'timeZone', reason: 'required' }] });
    const bad = await a.post('/api/visits', buildVisit({ startDate: '2027-05-12', endDate: '2027-05-10', timeZone: 'Mars/Olympus', country: 'Georgia' }));
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining([
        { path: 'endDate', reason: 'before_start' },
        { path: 'timeZone', reason: 'invalid_time_zone' },
        { path: 'country', reason: 'invalid_format' },
      ]),
    );
    const bg = await a.request('POST', '/api/visits', buildVisit({ endDate: '2027-05-01' }), { 'x-legato-locale': 'bg' });
    expect(bg.body.fields).toEqual([{ path: 'endDate', reason: 'before_start', message: 'Не може да е преди началото.' }]);
    expect((await tableCounts(s.database)).audit_log).toBe(before.audit_log);
  });

  it('changes only what is sent, answers 409 with who changed it on a stale version, and audits every change', async () => {
    const visit = await createVisit(a, { notes: 'Airport pick-up by the protocol car' });
    const patched = await b.patch(`/api/visits/${visit.id}`, { version: 1, status: 'confirmed', city: 'ზუგდიდი' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, status: 'confirmed', city: 'ზუგდიდი', notes: 'Airport pick-up by the protocol car', guestLanguages: ['ka'] });
    expect(patched.body.updatedBy.id).toBe(ids.b);

    const stale = await a.patch(`/api/visits/${visit.id}`, { version: 1, status: 'cancelled' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { version: 2, updatedBy: { id: ids.b } } });

    const history = await a.get(`/api/visits/${visit.id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history.body.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'proposed', after: 'confirmed' },
        { field: 'city', before: 'Zugdidi', after: 'ზუგდიდი' },
      ]),
    );
    expect(history.body.items[0].actor.id).toBe(ids.b);
  });

  it('a new destination brings its zone unless one is sent; the report’s time is kept when it is handed in', async () => {
    const trip = await createVisit(a, buildTrip());
    const moved = await a.patch(`/api/visits/${trip.id}`, { version: 1, country: 'DE', city: 'Kassel' });
    expect(moved.body.timeZone).toBe('Europe/Berlin');
    const report = await a.patch(`/api/visits/${trip.id}`, { version: 2, report: 'Agreement on a youth exchange reached.', reportSubmitted: true });
    expect(report.body.report).toBe('Agreement on a youth exchange reached.');
    const submittedAt = report.body.reportSubmittedAt;
    expect(Date.now() - Date.parse(submittedAt)).toBeLessThan(60_000);
    const again = await a.patch(`/api/visits/${trip.id}`, { version: 3, report: 'Agreement on a youth exchange reached. Photos attached.' });
    expect(again.body.reportSubmittedAt).toBe(submittedAt);
  });

  it('deletes with the current version only, with everything inside, and audits it', async () => {
    const visit = await createVisit(a);
    await add(a, 'visit-participants', { visitId: visit.id, role: 'guest', name: 'Гост' });
    await add(a, 'programme-items', item(visit.id, '2027-05-10', '10:00', 'Среща с кмета'));
    expect((await a.del(`/api/visits/${visit.id}?version=1`)).status).toBe(409); // the item moved the version on
    expect((await viewer.del(`/api/visits/${visit.id}?version=2`)).status).toBe(403);
    expect((await a.del(`/api/visits/${visit.id}?version=2`)).status).toBe(204);
    expect((await a.get(`/api/visits/${visit.id}`)).status).toBe(404);
    const { rows } = await s.database.query<{ n: number }>('SELECT count(*)::int AS n FROM programme_items WHERE visit_id = $1', [visit.id]);
    expect(rows[0].n).toBe(0);
    const audit = await admin.get(`/api/audit?entityType=visit&entityId=${visit.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });
});

describe('who may do what', () => {
  it('everyone reads visits; only protocol roles write them', async () => {
    const visit = await createVisit(a);
    for (const c of [viewer, press]) {
      expect((await c.get(`/api/visits/${visit.id}`)).status).toBe(200);
      expect((await c.get('/api/visits')).status).toBe(200);
      expect((await c.post('/api/visits', buildVisit())).status).toBe(403);
      expect((await c.patch(`/api/visits/${visit.id}`, { version: 1, status: 'done' })).status).toBe(403);
      expect((await c.post('/api/visit-tasks', { visitId: visit.id, title: 'Cars' })).status).toBe(403);
    }
    const viewed = (await viewer.get(`/api/visits/${visit.id}`)).body;
    expect(viewed.abilities).toEqual({ update: false, delete: false });
    expect(viewed.passportWarnings).toBeNull();
  });

  it('a confidential visit, and everything in it, is hidden from other specialists, as if it did not exist', async () => {
    const visit = await createVisit(a, { confidential: true, title: ml('en', { en: 'Quiet investor delegation' }) });
    const task = await add(a, 'visit-tasks', { visitId: visit.id, title: 'Discreet hotel entrance' });
    expect((await b.get(`/api/visits/${visit.id}`)).status).toBe(404);
    expect((await head.get(`/api/visits/${visit.id}`)).status).toBe(200);
    expect((await b.get('/api/visits?q=quiet')).body.total).toBe(0);
    expect((await head.get('/api/visits?q=quiet')).body.total).toBe(1);
    expect((await b.patch(`/api/visit-tasks/${task.id}`, { version: 1, done: true })).status).toBe(404);
    expect((await b.del(`/api/visit-tasks/${task.id}?version=1`)).status).toBe(404);
    const into = await b.post('/api/visit-tasks', { visitId: visit.id, title: 'Sneak in' });
    expect({ status: into.status, fields: fieldsOf(into.body) }).toEqual({ status: 400, fields: [{ path: 'visitId', reason: 'not_found' }] });
  });
});

describe('the list', () => {
  it('filters by direction, status, dates, responsible and text in any script', async () => {
    const tag = `F${Date.now().toString(36)}`;
    const v1 = await createVisit(a, { title: ml('ka', { ka: `ბათუმის დელეგაცია ${tag}` }), startDate: '2028-01-10', endDate: '2028-01-12', responsibleId: ids.b });
    const v2 = await createVisit(a, buildTrip({ title: ml('en', { en: `Trip to Kassel ${tag}` }), country: 'DE', startDate: '2028-02-01', endDate: '2028-02-03', status: 'confirmed' }));
    const list = (q: string) => a.get(`/api/visits?q=${tag}&${q}`).then((r) => r.body.items.map((v: { id: string }) => v.id));
    expect(await list('')).toEqual([v1.id, v2.id]);
    expect(await list('order=desc')).toEqual([v2.id, v1.id]);
    expect(await list('direction=outgoing')).toEqual([v2.id]);
    expect(await list('status=confirmed')).toEqual([v2.id]);
    expect(await list('from=2028-01-12&to=2028-01-31')).toEqual([v1.id]);
    expect(await list('from=2028-01-13')).toEqual([v2.id]);
    expect(await list(`responsibleId=${ids.b}`)).toEqual([v1.id]);
    expect(await a.get(`/api/visits?q=batumis ${tag}`).then((r) => r.body.total)).toBe(1);
    const bad = await a.get('/api/visits?direction=sideways&from=yesterday');
    expect(fieldsOf(bad.body).map((f) => f.path).sort()).toEqual(['querystring.direction', 'querystring.from']);
  });
});

describe('participants', () => {
  it('takes people from the directory or by name, with their journeys and needs', async () => {
    const visit = await createVisit(a);
    const person = (await a.post('/api/people', buildPerson({ name: 'ნინო ქვარაცხელია', nameLatin: 'Nino Kvaratskhelia' }))).body;
    const guest = await add(a, 'visit-participants', {
      visitId: visit.id,
      role: 'guest',
      personId: person.id,
      arrival: { mode: 'flight', carrier: 'Wizz Air', number: 'W6 4301', at: '2027-05-10T11:40', place: 'Sofia Airport' },
      departure: { mode: 'flight', carrier: 'Wizz Air', number: 'W6 4302', at: '2027-05-12T18:20', place: 'Sofia Airport' },
      dietaryNeeds: 'vegetarian',
      meetBy: 'Protocol officer and interpreter',
    });
    expect(guest).toMatchObject({ version: 1, role: 'guest', person: { id: person.id, name: 'ნინო ქვარაცხელია' }, name: 'ნინო ქვარაცხელია', nameLatin: 'Nino Kvaratskhelia', dietaryNeeds: 'vegetarian', passportWarning: null });
    expect(guest.arrival).toEqual({ mode: 'flight', carrier: 'Wizz Air', number: 'W6 4301', at: '2027-05-10T11:40', place: 'Sofia Airport' });
    const interpreter = await add(a, 'visit-participants', { visitId: visit.id, role: 'interpreter', name: 'Мария Гелашвили', nameLatin: 'Maria Gelashvili' });
    expect(interpreter).toMatchObject({ person: null, name: 'Мария Гелашвили' });

    const renamed = await a.patch(`/api/people/${person.id}`, { version: person.version, name: 'ნინო ქვარაცხელია-ბერიძე' });
    expect(renamed.status).toBe(200);
    const detail: Visit = (await a.get(`/api/visits/${visit.id}`)).body;
    expect(detail.participants.map((p) => p.name)).toEqual(['ნინო ქვარაცხელია-ბერიძე', 'Мария Гелашвили']);
    expect(detail.participantCount).toBe(2);

    const stale = await a.patch(`/api/visit-participants/${guest.id}`, { version: 1, accessNeeds: 'wheelchair' });
    expect(stale.status).toBe(200);
    expect((await b.patch(`/api/visit-participants/${guest.id}`, { version: 1, accessNeeds: 'none' })).status).toBe(409);
  });

  it('needs a person or a name, and a departure after the arrival', async () => {
    const visit = await createVisit(a);
    const nameless = await a.post('/api/visit-participants', { visitId: visit.id, role: 'guest' });
    expect(fieldsOf(nameless.body)).toEqual([{ path: 'name', reason: 'required' }]);
    const backwards = await a.post('/api/visit-participants', {
      visitId: visit.id,
      role: 'guest',
      name: 'Guest',
      arrival: { mode: 'train', at: '2027-05-11T10:00' },
      departure: { mode: 'train', at: '2027-05-10T10:00' },
    });
    expect(fieldsOf(backwards.body)).toEqual([{ path: 'departure.at', reason: 'before_start' }]);
    const zoned = await a.post('/api/visit-participants', { visitId: visit.id, role: 'guest', name: 'Guest', arrival: { mode: 'car', at: '2027-05-10T10:00Z' } });
    expect(fieldsOf(zoned.body)).toEqual([{ path: 'arrival.at', reason: 'invalid_date' }]);
    const unknownPerson = await a.post('/api/visit-participants', { visitId: visit.id, role: 'guest', personId: '00000000-0000-4000-8000-000000000000' });
    expect(fieldsOf(unknownPerson.body)).toEqual([{ path: 'personId', reason: 'not_found' }]);
  });

  it('a deleted participant is no longer named as attending a programme item, and keeps their name if the directory person goes', async () => {
    const visit = await createVisit(a);
    const person = (await a.post('/api/people', buildPerson({ name: 'Давит Хубуа' }))).body;
    const p1 = await add(a, 'visit-participants', { visitId: visit.id, role: 'guest', personId: person.id });
    const p2 = await add(a, 'visit-participants', { visitId: visit.id, role: 'host', name: 'Заместник-кмет' });
    const it1 = await add(a, 'programme-items', item(visit.id, '2027-05-10', '10:00', 'Среща', { attendeeIds: [p1.id, p2.id] }));
    expect(it1.attendeeIds).toEqual([p1.id, p2.id]);
    expect((await a.del(`/api/visit-participants/${p2.id}?version=1`)).status).toBe(204);
    expect((await a.del(`/api/people/${person.id}?version=1`)).status).toBe(204);
    const detail: Visit = (await a.get(`/api/visits/${visit.id}`)).body;
    expect(detail.programme[0].attendeeIds).toEqual([p1.id]);
    expect(detail.participants).toMatchObject([{ id: p1.id, person: null, name: 'Давит Хубуа' }]);
    const other = await createVisit(a);
    const foreign = await a.post('/api/programme-items', item(other.id, '2027-05-10', '10:00', 'Среща', { attendeeIds: [p1.id] }));
    expect(fieldsOf(foreign.body)).toEqual([{ path: 'attendeeIds.0', reason: 'not_found' }]);
  });
});

describe('coordination tasks', () => {
  it('flags a task overdue when it is not done and its due date has passed in the office’s zone', async () => {
    const visit = await createVisit(a);
    const yesterday = new Date(Date.now() - 36 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const late = await add(a, 'visit-tasks', { visitId: visit.id, title: 'Police escort request', service: 'police_escort', dueDate: yesterday, assigneeId: ids.b });
    const soon = await add(a, 'visit-tasks', { visitId: visit.id, title: 'Press accreditation', service: 'press', dueDate: tomorrow });
    await add(a, 'visit-tasks', { visitId: visit.id, title: 'Menu for the official dinner', service: 'catering' });
    expect(late).toMatchObject({ overdue: true, done: false, doneAt: null, assignee: { id: ids.b }, service: 'police_escort' });
    expect(soon.overdue).toBe(false);
    const summary = (await a.get(`/api/visits?q=zugdidi&pageSize=200`)).body.items.find((v: { id: string }) => v.id === visit.id);
    expect(summary).toMatchObject({ openTaskCount: 3, overdueTaskCount: 1 });

    const done = await b.patch(`/api/visit-tasks/${late.id}`, { version: 1, done: true });
    expect(done.body).toMatchObject({ done: true, overdue: false, version: 2 });
    expect(Date.now() - Date.parse(done.body.doneAt)).toBeLessThan(60_000);
    const notes = await b.patch(`/api/visit-tasks/${late.id}`, { version: 2, notes: 'Confirmed by phone' });
    expect(notes.body.doneAt).toBe(done.body.doneAt);
    const reopened = await b.patch(`/api/visit-tasks/${late.id}`, { version: 3, done: false });
    expect(reopened.body).toMatchObject({ done: false, doneAt: null, overdue: true });
    const unknownUser = await a.post('/api/visit-tasks', { visitId: visit.id, title: 'x', assigneeId: '00000000-0000-4000-8000-000000000000' });
    expect(fieldsOf(unknownUser.body)).toEqual([{ path: 'assigneeId', reason: 'not_found' }]);
    const audit = await admin.get(`/api/audit?entityType=visit_task&entityId=${late.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'update', 'create']);
  });
});

describe('accommodation and transport', () => {
  it('books a hotel from the directory or by name, per participant, and vehicles with their legs', async () => {
    const visit = await createVisit(a);
    const hotel = (await a.post('/api/organizations', { kind: 'company', name: ml('bg', { bg: 'Хотел „Дунав Плаза“', en: 'Danube Plaza Hotel' }) })).body;
    const guest = await add(a, 'visit-participants', { visitId: visit.id, role: 'guest', name: 'Guest' });
    const room = await add(a, 'visit-accommodations', { visitId: visit.id, participantId: guest.id, hotelOrganizationId: hotel.id, room: '405', checkIn: '2027-05-10', checkOut: '2027-05-12' });
    expect(room).toMatchObject({ participantId: guest.id, hotel: { id: hotel.id }, hotelName: 'Хотел „Дунав Плаза“', room: '405' });
    const reversed = await a.post('/api/visit-accommodations', { visitId: visit.id, hotelName: 'Riverside', checkIn: '2027-05-12', checkOut: '2027-05-10' });
    expect(fieldsOf(reversed.body)).toEqual([{ path: 'checkOut', reason: 'before_start' }]);
    const nowhere = await a.post('/api/visit-accommodations', { visitId: visit.id, checkIn: '2027-05-10', checkOut: '2027-05-12' });
    expect(fieldsOf(nowhere.body)).toEqual([{ path: 'hotelName', reason: 'required' }]);

    const car = await add(a, 'visit-transports', {
      visitId: visit.id,
      vehicle: 'Minibus, P 1234 AB',
      driverName: 'Иван Петров',
      driverPhone: '+359 888 123 456',
      legs: [
        { from: 'Sofia Airport', to: 'Hotel Danube Plaza', at: '2027-05-10T12:30' },
        { from: 'Hotel', to: 'City Hall', at: '2027-05-11T09:30' },
      ],
    });
    expect(car.legs).toHaveLength(2);
    const badPhone = await a.patch(`/api/visit-transports/${car.id}`, { version: 1, driverPhone: 'call me' });
    expect(fieldsOf(badPhone.body)).toEqual([{ path: 'driverPhone', reason: 'invalid_format' }]);
    const detail: Visit = (await a.get(`/api/visits/${visit.id}`)).body;
    expect(detail.accommodations.map((x) => x.id)).toEqual([room.id]);
    expect(detail.transports.map((x) => x.id)).toEqual([car.id]);
  });
});

describe('history', () => {
  type Entry = { action: string; entityType: string; entityId: string; summary: string; changes: { field: string }[] };
  const historyOf = async (visitId: string, page = 1) => (await a.get(`/api/visits/${visitId}/history?page=${page}`)).body as { items: Entry[]; total: number; pageSize: number };

  it('lists the records inside the visit with the visit’s own changes, newest first, and nothing of other visits', async () => {
    const visit = await createVisit(a);
    const other = await createVisit(a);
    await add(a, 'visit-participants', { visitId: other.id, role: 'guest', name: 'Someone else' });
    const guest = await add(a, 'visit-participants', { visitId: visit.id, role: 'guest', name: 'Нино Гелашвили' });
    const lunch = await add(a, 'programme-items', item(visit.id, '2027-05-10', '12:00', 'Обяд'));
    const task = await add(a, 'visit-tasks', { visitId: visit.id, title: 'Flowers for the guests' });
    await add(a, 'gifts', { visitId: visit.id, direction: 'given', counterpart: 'Mayor of Zugdidi', description: 'Album of Ruse' });
    await add(a, 'visit-accommodations', { visitId: visit.id, participantId: guest.id, hotelName: 'Riverside', checkIn: '2027-05-10', checkOut: '2027-05-12' });
    const link = (await a.post(`/api/visits/${visit.id}/share-links`, { language: 'ka', expiresAt: new Date(Date.now() + 86_400_000).toISOString() })).body;
    expect((await a.del(`/api/visit-share-links/${link.id}`)).status).toBe(204);
    expect((await b.patch(`/api/visit-tasks/${task.id}`, { version: 1, done: true })).status).toBe(200);
    expect((await a.del(`/api/programme-items/${lunch.id}?version=${lunch.version}`)).status).toBe(204);
    await a.patch(`/api/visits/${visit.id}`, { version: (await a.get(`/api/visits/${visit.id}`)).body.version, status: 'confirmed' });

    const history = await historyOf(visit.id);
    expect(history.items.map((e) => `${e.action} ${e.entityType}`)).toEqual([
      'update visit',
      'delete programme_item',
      'update visit_task',
      'delete visit_share_link',
      'create visit_share_link',
      'create visit_accommodation',
      'create gift',
      'create visit_task',
      'create programme_item',
      'create visit_participant',
      'create visit',
    ]);
    expect(history.total).toBe(11);
    const taskDone = history.items.find((e) => e.entityType === 'visit_task' && e.action === 'update')!;
    expect(taskDone).toMatchObject({ entityId: task.id, summary: 'Flowers for the guests' });
    expect(taskDone.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['done', 'doneAt']));
    expect(JSON.stringify(history)).not.toContain('Someone else');
    expect((await historyOf(other.id)).items.map((e) => e.entityType)).toEqual(['visit_participant', 'visit']);
    // As hidden as the visit.
    const secret = await createVisit(a, { confidential: true });
    expect((await b.get(`/api/visits/${secret.id}/history`)).status).toBe(404);
  });

  it('pages through a long history, 50 entries at a time', async () => {
    const visit = await createVisit(a);
    for (let i = 0; i < 55; i++) await add(a, 'visit-participants', { visitId: visit.id, role: 'guest', name: `Guest ${i}` });
    const first = await historyOf(visit.id);
    const second = await historyOf(visit.id, 2);
    expect({ total: first.total, first: first.items.length, second: second.items.length }).toEqual({ total: 56, first: 50, second: 6 });
    expect(second.items.at(-1)).toMatchObject({ action: 'create', entityType: 'visit' });
    expect(new Set([...first.items, ...second.items].map((e) => `${e.entityType} ${e.entityId}`)).size).toBe(56);
  });

  it('finds the records’ entries through an index', async () => {
    // A small table is scanned anyway: with scans made dear, the plan shows what the indexes allow.
    const plan = await s.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const res = (await tx.execute(sql`EXPLAIN SELECT id FROM audit_log WHERE (entity_type = 'visit' AND entity_id = 'x') OR parent_id = 'x' ORDER BY at DESC LIMIT 50`)) as unknown as { rows: Record<string, string>[] };
      return res.rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('audit_parent_idx');
    expect(plan).toContain('audit_entity_idx');
  });
});

describe('merging directory records keeps what visits link to', () => {
  it('participants, gifts and passports move to the person that is kept', async () => {
    const visit = await createVisit(a);
    const keep = (await a.post('/api/people', buildPerson({ name: 'Гиорги Адамия' }))).body;
    const other = (await a.post('/api/people', buildPerson({ name: 'Giorgi Adamia' }))).body;
    const guest = await add(a, 'visit-participants', { visitId: visit.id, role: 'guest', personId: other.id });
    const gift = await add(a, 'gifts', { visitId: visit.id, direction: 'given', personId: other.id, description: 'Icon of St George' });
    expect((await a.post('/api/passports', { personId: other.id, number: 'M1234567', kind: 'service', issuingCountry: 'GE', expiresOn: '2030-01-01' })).status).toBe(201);
    const merged = await a.post(`/api/people/${keep.id}/merge`, { otherId: other.id, version: keep.version, otherVersion: other.version });
    expect(merged.status, merged.text).toBe(200);
    const detail: Visit = (await a.get(`/api/visits/${visit.id}`)).body;
    expect(detail.participants.find((p) => p.id === guest.id)?.person?.id).toBe(keep.id);
    expect(detail.gifts.find((g) => g.id === gift.id)?.person?.id).toBe(keep.id);
    expect((await a.get(`/api/passports?personId=${keep.id}`)).body.total).toBe(1);
  });
});
