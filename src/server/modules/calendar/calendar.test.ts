import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { buildPerson, startServer, type Client, type TestServer } from '../../test/harness.js';
import { add, createVisit, download, item, ml } from '../visits/visits.fixtures.js';

let s: TestServer;
let a: Client;
let b: Client;
let admin: Client;
let viewer: Client;
let aId: string;
let mayor: { id: string; name: string };
let deputy: { id: string; name: string };
const ids: Record<string, string> = {};

/** The calendar and ICS need dates near today (the feed's window): all of these are next year. */
const year = new Date().getUTCFullYear() + 1;
const d = (md: string) => `${year}-${md}`;

beforeAll(async () => {
  s = await startServer();
  [a, b, admin, viewer] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('administrator'), s.as('viewer')]);
  aId = (await a.get('/api/auth/session')).body.user.id;
  mayor = (await a.post('/api/people', buildPerson({ name: 'Пенчо Милков' }))).body;
  deputy = (await a.post('/api/people', buildPerson({ name: 'Деница Русева' }))).body;

  // An incoming visit whose host is the mayor: three items on one day.
  const visit = await createVisit(a, { startDate: d('05-10'), endDate: d('05-12'), responsibleId: aId });
  ids.visit = visit.id;
  const host = await add(a, 'visit-participants', { visitId: visit.id, role: 'host', personId: mayor.id });
  ids.meeting = (await add(a, 'programme-items', item(visit.id, d('05-10'), '10:00', 'Среща', { end: '11:00', place: ml('bg', { bg: 'Общината' }), attendeeIds: [host.id] }))).id;
  ids.museum = (await add(a, 'programme-items', item(visit.id, d('05-10'), '11:45', 'Музей', { end: '12:30', place: ml('bg', { bg: 'Музеят' }), attendeeIds: [host.id] }))).id;

  // A trip to Zugdidi on which the mayor travels, with an item there (Asia/Tbilisi).
  const trip = await createVisit(a, {
    direction: 'outgoing',
    title: ml('bg', { bg: 'Посещение в Зугдиди', ka: 'ვიზიტი ზუგდიდში', en: 'Visit to Zugdidi' }),
    startDate: d('06-01'),
    endDate: d('06-03'),
    country: 'GE',
    city: 'Zugdidi',
  });
  ids.trip = trip.id;
  const traveller = await add(a, 'visit-participants', { visitId: trip.id, role: 'traveller', personId: mayor.id });
  ids.zugdidi = (await add(a, 'programme-items', item(trip.id, d('06-02'), '11:00', 'Среща в Зугдиди', {
    end: '12:00',
    title: ml('bg', { bg: 'Среща в кметството на Зугдиди', ka: 'შეხვედრა ზუგდიდის მერიაში', en: 'Meeting at Zugdidi City Hall' }),
    attendeeIds: [traveller.id],
  }))).id;
});
afterAll(() => s.close());

const cal = (c: Client, query: string) => c.get(`/api/calendar?${query}`);

describe('the calendar', () => {
  it('shows visits and trips as all-day spans and items as instants in the visit’s zone', async () => {
    const res = await cal(a, `from=${d('05-01')}&to=${d('06-30')}`);
    expect(res.status, res.text).toBe(200);
    const byId = new Map(res.body.entries.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(`visit:${ids.visit}`)).toMatchObject({ type: 'visit', allDay: true, start: d('05-10'), end: d('05-13'), timeZone: 'Europe/Sofia', direction: 'incoming', link: `/visits/${ids.visit}`, people: [{ id: mayor.id, name: mayor.name, role: 'host' }] });
    expect(byId.get(`trip:${ids.trip}`)).toMatchObject({ type: 'trip', allDay: true, start: d('06-01'), end: d('06-04'), timeZone: 'Asia/Tbilisi', direction: 'outgoing' });
    expect(byId.get(`programme_item:${ids.zugdidi}`)).toMatchObject({
      type: 'programme_item',
      allDay: false,
      start: `${d('06-02')}T11:00:00+04:00`,
      end: `${d('06-02')}T12:00:00+04:00`,
      timeZone: 'Asia/Tbilisi',
      title: { values: { ka: 'შეხვედრა ზუგდიდის მერიაში' } },
      visitId: ids.trip,
      people: [{ id: mayor.id, role: 'traveller' }],
    });
    // Summer time in Sofia.
    expect(byId.get(`programme_item:${ids.meeting}`)).toMatchObject({ start: `${d('05-10')}T10:00:00+03:00`, responsible: [{ id: aId }] });
    // An item of a trip is not in conflict with its own trip.
    expect(byId.get(`programme_item:${ids.zugdidi}`)).toMatchObject({ conflicts: [] });
  });

  it('filters by type, person and specialist, and refuses a reversed or too long window', async () => {
    const only = async (q: string) => (await cal(a, `from=${d('05-01')}&to=${d('06-30')}&${q}`)).body.entries.map((e: { id: string }) => e.id).sort();
    expect(await only('types=trip')).toEqual([`trip:${ids.trip}`]);
    expect(await only('types=visit,trip')).toEqual([`trip:${ids.trip}`, `visit:${ids.visit}`].sort());
    expect(await only(`personId=${deputy.id}`)).toEqual([]);
    expect((await only(`personId=${mayor.id}`)).length).toBe(5);
    expect(await only(`responsibleId=${aId}`)).toEqual([`programme_item:${ids.meeting}`, `programme_item:${ids.museum}`, `visit:${ids.visit}`].sort());
    expect((await cal(a, `from=${d('06-30')}&to=${d('05-01')}`)).status).toBe(400);
    expect((await cal(a, `from=${year}-01-01&to=${year + 2}-01-01`)).status).toBe(400);
    expect((await cal(a, `from=${d('05-01')}&to=${d('06-30')}&types=party`)).status).toBe(400);
  });

  it('is read by every role; confidential visits only by those who may see them', async () => {
    const secret = await createVisit(b, { title: ml('en', { en: 'Sealed talks' }), startDate: d('05-11'), endDate: d('05-11'), confidential: true });
    const seen = async (c: Client) => (await cal(c, `from=${d('05-01')}&to=${d('05-31')}`)).body.entries.some((e: { visitId: string }) => e.visitId === secret.id);
    expect(await seen(b)).toBe(true);
    expect(await seen(admin)).toBe(true);
    expect(await seen(a)).toBe(false);
    expect(await seen(viewer)).toBe(false);
    expect((await s.client().get(`/api/calendar?from=${d('05-01')}&to=${d('05-31')}`)).status).toBe(401);
  });
});

describe('conflicts', () => {
  let concertId: string;

  it('a saved item answers an overlap with another visit’s item for the same official', async () => {
    const other = await createVisit(b, { title: ml('bg', { bg: 'Делегация от Бургас' }), startDate: d('05-10'), endDate: d('05-10') });
    ids.other = other.id;
    const host = await add(b, 'visit-participants', { visitId: other.id, role: 'host', personId: mayor.id });
    const res = await b.post('/api/programme-items', item(other.id, d('05-10'), '10:30', 'Концерт', { end: '11:30', place: ml('bg', { bg: 'Операта' }), attendeeIds: [host.id] }));
    expect(res.status, res.text).toBe(201);
    concertId = res.body.id;
    // Overlaps the meeting (10:00–11:00); the museum starts 15 minutes after it ends, elsewhere.
    expect(res.body.conflicts).toEqual(
      expect.arrayContaining([
        { withEntryId: `programme_item:${ids.meeting}`, withTitle: expect.anything(), withStart: `${d('05-10')}T10:00:00+03:00`, personId: mayor.id, personName: mayor.name, kind: 'overlap' },
        expect.objectContaining({ withEntryId: `programme_item:${ids.museum}`, personId: mayor.id, kind: 'travel_buffer' }),
      ]),
    );
    expect(res.body.conflicts).toHaveLength(2);
    const entries = (await cal(a, `from=${d('05-10')}&to=${d('05-10')}`)).body.entries;
    const meeting = entries.find((e: { id: string }) => e.id === `programme_item:${ids.meeting}`);
    expect(meeting.conflicts).toEqual([expect.objectContaining({ withEntryId: `programme_item:${concertId}`, kind: 'overlap' })]);
  });

  it('moving the item away clears them (update answers conflicts too)', async () => {
    const res = await b.patch(`/api/programme-items/${concertId}`, { version: 1, start: '15:00', end: '16:00' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.conflicts).toEqual([]);
    const back = await b.patch(`/api/programme-items/${concertId}`, { version: 2, start: '10:30', end: '11:30' });
    expect(back.body.conflicts).toHaveLength(2);
  });

  it('the same place, or enough time, is no travel-buffer conflict; the buffer is configurable', async () => {
    const at = await b.patch(`/api/programme-items/${concertId}`, { version: 3, start: '11:35', end: '11:40', place: ml('bg', { bg: 'музеят' }) });
    expect(at.body.conflicts).toEqual([]);
    expect(loadConfig({}, []).travelBufferMinutes).toBe(30);
    expect(loadConfig({ LEGATO_TRAVEL_BUFFER_MINUTES: '10' }, []).travelBufferMinutes).toBe(10);
    expect(() => loadConfig({ LEGATO_TRAVEL_BUFFER_MINUTES: '-1' }, [])).toThrow(/LEGATO_TRAVEL_BUFFER_MINUTES/);
  });

  it('an item during a trip the official travels on, and two overlapping trips', async () => {
    const visit = await createVisit(a, { title: ml('bg', { bg: 'Посланик на Италия' }), startDate: d('06-02'), endDate: d('06-02') });
    const host = await add(a, 'visit-participants', { visitId: visit.id, role: 'host', personId: mayor.id });
    const reception = await add(a, 'programme-items', item(visit.id, d('06-02'), '18:00', 'Прием', { attendeeIds: [host.id] }));
    expect(reception.conflicts).toEqual([expect.objectContaining({ withEntryId: `trip:${ids.trip}`, kind: 'overlap', personId: mayor.id })]);

    const second = await createVisit(a, { direction: 'outgoing', title: ml('bg', { bg: 'Форум в Тбилиси' }), startDate: d('06-03'), endDate: d('06-05'), country: 'GE' });
    await add(a, 'visit-participants', { visitId: second.id, role: 'traveller', personId: mayor.id });
    const res = await a.get(`/api/calendar/conflicts?visitId=${ids.trip}`);
    expect(res.status, res.text).toBe(200);
    const trip = res.body.entries.find((e: { id: string }) => e.id === `trip:${ids.trip}`);
    expect(trip.conflicts.map((c: { withEntryId: string }) => c.withEntryId).sort()).toEqual([`programme_item:${reception.id}`, `trip:${second.id}`].sort());
    // A visit the caller may not see is "not found".
    const secret = await createVisit(b, { startDate: d('06-02'), endDate: d('06-02'), confidential: true });
    expect((await a.get(`/api/calendar/conflicts?visitId=${secret.id}`)).status).toBe(404);
  });
});

/** Parses an iCalendar text; ical.js throws on a malformed one. */
const parse = (text: string) => new ICAL.Component(ICAL.parse(text));

describe('iCalendar feeds', () => {
  it('answer the URL once, keep only the token’s hash, and serve text/calendar with zones', async () => {
    const created = await a.post('/api/calendar/feeds', { scope: 'person', personId: mayor.id });
    expect(created.status, created.text).toBe(201);
    const { token, path, url, id } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/api/public/calendar/${token}.ics`);
    expect(url).toBe(`${s.url}${path}`);
    const { rows } = await s.database.query<{ row: string }>('SELECT row_to_json(f)::text AS row FROM calendar_feeds f WHERE id = $1', [id]);
    expect(rows[0].row).not.toContain(token);
    expect(rows[0].row).toContain(createHash('sha256').update(token).digest('hex'));
    const audit = await s.database.query<{ row: string }>("SELECT row_to_json(a)::text AS row FROM audit_log a WHERE entity_type = 'calendar_feed'");
    expect(audit.rows.map((r) => r.row).join('\n')).not.toContain(token);
    const list = (await a.get('/api/calendar/feeds')).body.items;
    expect(list).toEqual([expect.objectContaining({ id, scope: 'person', person: { id: mayor.id, name: mayor.name } })]);
    expect(JSON.stringify(list)).not.toContain(token);

    const res = await s.client().get(path);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const vcal = parse(res.text);
    const events = vcal.getAllSubcomponents('vevent');
    const zugdidi = events.find((e) => e.getFirstPropertyValue('uid') === `programme_item-${ids.zugdidi}@legato`)!;
    const dtstart = zugdidi.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Asia/Tbilisi');
    expect(String(dtstart.getFirstValue())).toBe(`${d('06-02')}T11:00:00`);
    expect(res.text).toContain(`DTSTART;TZID=Asia/Tbilisi:${d('06-02').replace(/-/g, '')}T110000`);
    expect(vcal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')).sort()).toEqual(['Asia/Tbilisi', 'Europe/Sofia']);
    // Each conflict is written into the event, in the owner's language (en).
    const trip = events.find((e) => e.getFirstPropertyValue('uid') === `trip-${ids.trip}@legato`)!;
    expect(String(trip.getFirstPropertyValue('description'))).toContain('⚠ Conflict: Пенчо Милков — in two places at once (Прием)');
    expect(trip.getFirstProperty('dtstart')!.type).toBe('date');
    expect(String(trip.getFirstPropertyValue('dtend'))).toBe(d('06-04'));
    // The deputy is in nothing: the mayor's agenda only.
    expect(events.every((e) => String(e.getFirstPropertyValue('description') ?? '').includes('Пенчо Милков'))).toBe(true);
  });

  it('“me” is what the user is responsible for; another user’s confidential visit never reaches it', async () => {
    const secret = await createVisit(b, { title: ml('en', { en: 'Sealed talks' }), startDate: d('05-11'), endDate: d('05-11'), confidential: true, responsibleId: aId });
    const mine = (await a.post('/api/calendar/feeds', { scope: 'me' })).body;
    const text = (await s.client().get(mine.path)).text;
    expect(text).toContain(`visit-${ids.visit}@legato`);
    expect(text).not.toContain(`trip-${ids.trip}@legato`); // nobody is responsible for the trip
    expect(text).not.toContain(secret.id);
    expect(text).not.toContain('Sealed');
    // Its owner's feed has it.
    const theirs = (await b.post('/api/calendar/feeds', { scope: 'me' })).body;
    await b.patch(`/api/visits/${secret.id}`, { version: secret.version, responsibleId: (await b.get('/api/auth/session')).body.user.id });
    expect((await s.client().get(theirs.path)).text).toContain('Sealed talks');
  });

  it('a revoked or unknown token is not found; only the owner revokes; people must be visible', async () => {
    const feed = (await viewer.post('/api/calendar/feeds', { scope: 'me' })).body;
    expect((await s.client().get(feed.path)).status).toBe(200);
    expect((await a.del(`/api/calendar/feeds/${feed.id}`)).status).toBe(404);
    expect((await viewer.del(`/api/calendar/feeds/${feed.id}`)).status).toBe(204);
    expect((await viewer.del(`/api/calendar/feeds/${feed.id}`)).status).toBe(204);
    const gone = await s.client().get(feed.path);
    expect(gone.status).toBe(404);
    expect((await s.client().get('/api/public/calendar/not-a-token.ics')).status).toBe(404);
    expect((await viewer.get('/api/calendar/feeds')).body.items).toEqual([]);
    // An administrator may revoke a colleague's feed (a leaked address).
    const other = (await b.post('/api/calendar/feeds', { scope: 'me' })).body;
    expect((await admin.del(`/api/calendar/feeds/${other.id}`)).status).toBe(204);
    expect((await s.client().get(other.path)).status).toBe(404);

    const hidden = (await b.post('/api/people', buildPerson({ name: 'Sealed person', confidential: true }))).body;
    const res = await a.post('/api/calendar/feeds', { scope: 'person', personId: hidden.id });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ path: 'personId', reason: 'not_found' })]);
    expect((await a.post('/api/calendar/feeds', { scope: 'person' })).body.fields).toEqual([expect.objectContaining({ path: 'personId', reason: 'required' })]);
  });

  it('exports one visit as a file, in the language asked for', async () => {
    const res = await download(s.url, a, `/api/visits/${ids.trip}/calendar.ics?lang=ka`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="visit-[a-z0-9-]+\.ics"$/);
    const text = res.bytes.toString('utf8');
    const events = parse(text).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('summary')).sort()).toEqual(['ვიზიტი ზუგდიდში', 'შეხვედრა ზუგდიდის მერიაში'].sort());
    expect(text).toContain('DTSTART;TZID=Asia/Tbilisi:');
    expect((await download(s.url, viewer, `/api/visits/${ids.trip}/calendar.ics`)).status).toBe(200);
  });
});
