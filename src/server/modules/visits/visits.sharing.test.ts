import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../contracts/common/dates.js';
import { loadConfig } from '../../config.js';
import { startServer, type Client, type TestServer } from '../../test/harness.js';
import { add, createVisit, download, fieldsOf, item, ml } from './visits.fixtures.js';

let s: TestServer;
let a: Client;
let b: Client;
let viewer: Client;
let visitId: string;
let hostId: string;
let guestId: string;
const PUBLIC_LIMIT = 40;

beforeAll(async () => {
  s = await startServer({ LEGATO_PUBLIC_LIMIT: String(PUBLIC_LIMIT) });
  [a, b, viewer] = await Promise.all([s.as('specialist'), s.as('specialist'), s.as('viewer')]);
  const me = (await a.get('/api/auth/session')).body.user;
  const visit = await createVisit(a, {
    responsibleId: me.id,
    contactPhone: '+359 82 881 802',
    notes: 'Internal: the mayor prefers short speeches',
    purpose: ml('bg', { bg: '15 години побратимяване', ka: 'დაძმობილების 15 წელი' }),
  });
  visitId = visit.id;
  const person = (await a.post('/api/people', { name: 'თამარ გოგუა', nameLatin: 'Tamar Gogua', formOfAddress: { bg: 'Уважаема госпожо Гогуа', en: 'Dear Ms Gogua' }, position: ml('ka', { ka: 'მერის მოადგილე', bg: 'Заместник-кмет', en: 'Deputy Mayor' }) })).body;
  guestId = (await add(a, 'visit-participants', { visitId, role: 'guest', personId: person.id, arrival: { mode: 'flight', carrier: 'Wizz Air', number: 'W6 4301', at: '2027-05-10T11:40', place: 'Sofia Airport' } })).id;
  hostId = (await add(a, 'visit-participants', { visitId, role: 'host', name: 'Деница Русева', position: 'Заместник-кмет' })).id;
  await add(a, 'programme-items', item(visitId, '2027-05-10', '10:00', 'Среща с кмета', {
    title: ml('bg', { bg: 'Среща с кмета', ka: 'შეხვედრა მერთან', en: 'Meeting with the Mayor' }),
    place: ml('bg', { bg: 'Общината, зала 1', ka: 'მერია, დარბაზი 1' }),
    notes: ml('bg', { bg: 'Вътрешна бележка: подаръкът е в кабинета' }),
    attendeeIds: [guestId, hostId],
  }));
  await add(a, 'programme-items', item(visitId, '2027-05-11', '18:00', 'Концерт', { end: '20:00', title: ml('bg', { bg: 'Концерт в операта' }) }));
});
afterAll(() => s.close());

const share = (body: Record<string, unknown>, c: Client = a) => c.post(`/api/visits/${visitId}/share-links`, body);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
/** What the guests' page reads for a link. */
const publicApi = (link: { token: string }) => `/api/public/programme/${link.token}`;

describe('share links', () => {
  it('answer the token once and keep only its hash', async () => {
    const res = await share({ language: 'ka', expiresAt: inDays(30) });
    expect(res.status, res.text).toBe(201);
    const link = res.body;
    // The page the guests open, as the server was reached (no LEGATO_PUBLIC_URL here).
    expect(link).toMatchObject({ visitId, language: 'ka', active: true, revokedAt: null, path: `/p/${link.token}`, url: `${s.url}/p/${link.token}` });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows } = await s.database.query<{ row: string }>('SELECT row_to_json(l)::text AS row FROM visit_share_links l WHERE id = $1', [link.id]);
    expect(rows[0].row).not.toContain(link.token);
    expect(rows[0].row).toContain(createHash('sha256').update(link.token).digest('hex'));
    const audit = await s.database.query<{ row: string }>("SELECT row_to_json(a)::text AS row FROM audit_log a WHERE entity_type = 'visit_share_link'");
    expect(audit.rows.map((r) => r.row).join('\n')).not.toContain(link.token);
    const visit = (await b.get(`/api/visits/${visitId}`)).body;
    expect(visit.shareLinks[0]).toEqual({ id: link.id, visitId, language: 'ka', expiresAt: link.expiresAt, createdAt: link.createdAt, createdBy: link.createdBy, revokedAt: null, active: true });
    expect(JSON.stringify(visit)).not.toContain(link.token);
  });

  it('show the programme without an account, in the link’s language, with the hosts’ phone and no internal notes', async () => {
    const { token } = (await share({ language: 'ka', expiresAt: inDays(3) })).body;
    const anon = s.client();
    const res = await anon.get(`/api/public/programme/${token}`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.body).toEqual({
      language: 'ka',
      title: 'ზუგდიდის დელეგაცია',
      purpose: 'დაძმობილების 15 წელი',
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      timeZone: 'Europe/Sofia',
      days: [
        { date: '2027-05-10', items: [{ start: '10:00', end: null, title: 'შეხვედრა მერთან', place: 'მერია, დარბაზი 1' }] },
        // No Georgian title: the original (Bulgarian) is shown.
        { date: '2027-05-11', items: [{ start: '18:00', end: '20:00', title: 'Концерт в операта', place: null }] },
      ],
      contact: { name: expect.stringContaining('Test specialist'), phone: '+359 82 881 802' },
    });
    expect(res.text).not.toMatch(/Internal|Вътрешна|guest|Gogua/);

    const english = (await share({ language: 'en', expiresAt: inDays(3) })).body;
    const en = await anon.get(`/api/public/programme/${english.token}`);
    expect(en.body.days[0].items[0].title).toBe('Meeting with the Mayor');
    // The programme is read as it is now, not as it was when the link was made.
    await add(a, 'programme-items', item(visitId, '2027-05-12', '09:00', 'Изпращане'));
    expect((await anon.get(`/api/public/programme/${english.token}`)).body.days).toHaveLength(3);
  });

  it('stop working when revoked or expired; unknown tokens are not found either', async () => {
    const anon = s.client();
    const link = (await share({ language: 'bg', expiresAt: inDays(1) })).body;
    expect((await anon.get(publicApi(link))).status).toBe(200);
    expect((await viewer.del(`/api/visit-share-links/${link.id}`)).status).toBe(403);
    expect((await b.del(`/api/visit-share-links/${link.id}`)).status).toBe(204);
    const gone = await anon.get(publicApi(link));
    expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 404, code: 'not_found' });
    expect((await b.del(`/api/visit-share-links/${link.id}`)).status).toBe(204);
    const listed = (await a.get(`/api/visits/${visitId}`)).body.shareLinks.find((l: { id: string }) => l.id === link.id);
    expect(listed).toMatchObject({ active: false, revokedAt: expect.any(String) });

    const expiring = (await share({ language: 'bg', expiresAt: inDays(1) })).body;
    await s.database.query("UPDATE visit_share_links SET expires_at = now() - interval '1 second' WHERE id = $1", [expiring.id]);
    expect((await anon.get(publicApi(expiring))).status).toBe(404);
    expect((await anon.get('/api/public/programme/not-a-real-token')).status).toBe(404);
    expect((await anon.get(`/api/public/programme/${'x'.repeat(200)}`)).status).toBe(400);
  });

  it('must expire in the future, within a year, and may only be made by those who write visits', async () => {
    expect(fieldsOf((await share({ language: 'bg', expiresAt: inDays(-1) })).body)).toEqual([{ path: 'expiresAt', reason: 'not_in_future' }]);
    expect(fieldsOf((await share({ language: 'bg', expiresAt: inDays(400) })).body)).toEqual([{ path: 'expiresAt', reason: 'too_big' }]);
    expect(fieldsOf((await share({ language: 'Bulgarian', expiresAt: inDays(1) })).body)).toEqual([{ path: 'language', reason: 'invalid_format' }]);
    expect((await share({ language: 'bg', expiresAt: inDays(1) }, viewer)).status).toBe(403);
    const secret = await createVisit(a, { confidential: true });
    expect((await b.post(`/api/visits/${secret.id}/share-links`, { language: 'bg', expiresAt: inDays(1) })).status).toBe(404);
  });

  it('the public page is rate-limited per address', async () => {
    const path = publicApi((await share({ language: 'bg', expiresAt: inDays(1) })).body);
    await s.database.query("DELETE FROM rate_limits WHERE key LIKE 'public:%'");
    const anon = s.client();
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_LIMIT; i++) statuses.push((await anon.get(path)).status);
    expect(statuses.slice(0, PUBLIC_LIMIT).every((st) => st === 200)).toBe(true);
    const last = await anon.get(path);
    expect({ status: last.status, code: last.body.code }).toEqual({ status: 429, code: 'rate_limited' });
  });
});

describe('links behind a TLS proxy (LEGATO_PUBLIC_URL), in an office in another zone', () => {
  it('start with the public address; the session names the office’s zone, which new visits take', async () => {
    const p = await startServer({ LEGATO_PUBLIC_URL: 'https://legato.example.org/', LEGATO_TIME_ZONE: 'Asia/Tbilisi' });
    try {
      const c = await p.as('specialist');
      const session = (await c.get('/api/auth/session')).body;
      expect(session.office).toEqual({ timeZone: 'Asia/Tbilisi' });
      const start = addDays(todayIn('Asia/Tbilisi'), 7);
      const visit = await createVisit(c, { startDate: start, endDate: start, responsibleId: session.user.id });
      expect(visit.timeZone).toBe('Asia/Tbilisi');
      const link = (await c.post(`/api/visits/${visit.id}/share-links`, { language: 'en', expiresAt: inDays(3) })).body;
      expect({ path: link.path, url: link.url }).toEqual({ path: `/p/${link.token}`, url: `https://legato.example.org/p/${link.token}` });
      const feed = (await c.post('/api/calendar/feeds', { scope: 'me' })).body;
      expect(feed.url).toBe(`https://legato.example.org/api/public/calendar/${feed.token}.ics`);
      // The events of the feed link back to the app at the same address.
      const ics = (await p.client().get(feed.path)).text;
      expect(ics).toContain(`visit-${visit.id}@legato`);
      expect(ics).toContain('URL;VALUE=URI:https://legato.example.org/visits/');
    } finally {
      await p.close();
    }
  });

  it('is an origin: a path, a query or another scheme is refused at start', () => {
    expect(loadConfig({}, []).publicUrl).toBeNull();
    expect(loadConfig({ LEGATO_PUBLIC_URL: 'https://Legato.Example.org:8443' }, []).publicUrl).toBe('https://legato.example.org:8443');
    for (const bad of ['https://example.org/legato', 'https://example.org/?a=1', 'ftp://example.org', 'legato.example.org']) {
      expect(() => loadConfig({ LEGATO_PUBLIC_URL: bad }, []), bad).toThrow(/LEGATO_PUBLIC_URL/);
    }
  });
});

describe('programme documents', () => {
  it('are downloaded as PDF and DOCX in one or two languages, with a file name', async () => {
    const pdf = await download(s.url, viewer, `/api/visits/${visitId}/programme.pdf?lang=bg,ka`);
    expect(pdf.status, pdf.bytes.toString('utf8', 0, 300)).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="programme-delegation-from-zugdidi-2027-05-10-bg-ka.pdf"');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await download(s.url, viewer, `/api/visits/${visitId}/programme.docx?lang=en`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    const participants = await download(s.url, viewer, `/api/visits/${visitId}/participants.pdf?lang=ka`);
    expect(participants.status).toBe(200);
    expect(participants.headers.get('content-disposition')).toContain('participants-');
    const letter = await download(s.url, viewer, `/api/visits/${visitId}/welcome-letter.docx?lang=bg&participantId=${guestId}`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-disposition')).toContain('welcome-letter-');
  });

  it('refuse a bad language list, naming `lang`, and a participant of another visit', async () => {
    for (const lang of ['de', 'bg,ka,en', 'bg,bg', 'BG', '', 'bg;ka']) {
      const res = await a.get(`/api/visits/${visitId}/programme.pdf?lang=${encodeURIComponent(lang)}`);
      expect({ lang, status: res.status, fields: fieldsOf(res.body) }).toEqual({ lang, status: 400, fields: [{ path: 'querystring.lang', reason: 'document_languages' }] });
    }
    const missing = await a.get(`/api/visits/${visitId}/programme.docx`);
    expect(fieldsOf(missing.body)).toEqual([{ path: 'querystring.lang', reason: 'required' }]);
    const other = await createVisit(a);
    const stranger = await add(a, 'visit-participants', { visitId: other.id, role: 'guest', name: 'Someone else' });
    const letter = await a.get(`/api/visits/${visitId}/welcome-letter.docx?lang=en&participantId=${stranger.id}`);
    expect(fieldsOf(letter.body)).toEqual([{ path: 'participantId', reason: 'not_found' }]);
    const secret = await createVisit(a, { confidential: true });
    expect((await b.get(`/api/visits/${secret.id}/programme.pdf?lang=bg`)).status).toBe(404);
  });
});
