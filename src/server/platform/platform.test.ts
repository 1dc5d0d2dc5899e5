import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startServer, tableCounts, type TestServer } from '../test/harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ LEGATO_LOGIN_LIMIT: '5' });
});
afterAll(() => s.close());

describe('first start and sign-in', () => {
  it('answers health without a session', async () => {
    const res = await s.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: s.kind });
  });

  it('asks for the first administrator once, and only once', async () => {
    const c = s.client();
    expect((await c.get('/api/setup')).body).toEqual({ needsSetup: true });
    const bad = await c.post('/api/setup', { name: '', email: 'not-an-email', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'name', 'password']);

    const [a, b] = await Promise.all([
      s.client().post('/api/setup', { name: 'Ada', email: 'ada@example.org', password: 'first-admin-pass', locale: 'bg' }),
      s.client().post('/api/setup', { name: 'Eve', email: 'eve@example.org', password: 'second-admin-pass', locale: 'en' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner = a.status === 201 ? a : b;
    expect(winner.body.user.role).toBe('administrator');
    expect((await c.get('/api/setup')).body).toEqual({ needsSetup: false });
    const again = await c.post('/api/setup', { name: 'Mallory', email: 'm@example.org', password: 'another-pass-1' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_set_up');
  });

  it('sets an httpOnly session cookie on login and refuses wrong passwords in the user language', async () => {
    const admin = await s.as('administrator');
    expect(admin.cookie).toMatch(/^legato_session=/);
    const bg = s.client('bg');
    const wrong = await bg.post('/api/auth/login', { email: 'nobody@example.org', password: 'whatever-1234' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(wrong.body.detail).toBe('Имейлът или паролата не са верни.');
    const ka = await s.client('ka').post('/api/auth/login', { email: 'nobody@example.org', password: 'whatever-1234' });
    expect(ka.body.detail).toBe('ელფოსტა ან პაროლი არასწორია.');

    const c = s.client();
    const res = await c.request('POST', '/api/auth/login', { email: 'ada@example.org', password: 'first-admin-pass' });
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('legato_session='))!;
    if (res.status === 200) {
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    }
  });

  it('rate-limits login attempts per address and e-mail', async () => {
    const c = s.client();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await c.post('/api/auth/login', { email: 'target@example.org', password: 'guess-' + i })).status);
    expect(statuses.slice(0, 5).every((x) => x === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await c.post('/api/auth/login', { email: 'target@example.org', password: 'guess' });
    expect(limited.body.code).toBe('rate_limited');
  });

  it('requires a session for the API and the CSRF token for changes', async () => {
    const anon = s.client();
    const res = await anon.get('/api/organizations');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');

    const admin = await s.as('administrator');
    const token = admin.csrf;
    admin.csrf = '';
    const noToken = await admin.post('/api/organizations', { kind: 'other', name: { original: 'en', values: { en: 'X' } } });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('csrf');
    admin.csrf = 'forged';
    expect((await admin.post('/api/organizations', { kind: 'other', name: { original: 'en', values: { en: 'X' } } })).body.code).toBe('csrf');
    admin.csrf = token;
    expect((await admin.post('/api/organizations', { kind: 'other', name: { original: 'en', values: { en: 'X' } } })).status).toBe(201);
  });

  it('logs out, and a password change signs out the other sessions', async () => {
    const email = 'changer@example.org';
    const first = await s.as('specialist', { email });
    const second = s.client();
    await second.login(email, PASSWORD);
    const wrong = await first.post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'brand-new-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields[0].path).toBe('currentPassword');
    expect((await first.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-password' })).status).toBe(204);
    expect((await first.get('/api/auth/session')).status).toBe(200);
    expect((await second.get('/api/auth/session')).status).toBe(401);
    expect((await s.client().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await first.post('/api/auth/logout')).status).toBe(204);
    expect((await first.get('/api/auth/session')).status).toBe(401);
  });

  it('remembers the language per user', async () => {
    const c = await s.as('viewer');
    expect((await c.patch('/api/auth/me', { locale: 'ka' })).status).toBe(204);
    expect((await c.get('/api/auth/session')).body.user.locale).toBe('ka');
    const res = await c.get('/api/organizations/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('ჩანაწერი ვერ მოიძებნა. შესაძლოა წაშლილია.');
  });
});

describe('errors are problem+json, 4xx, and write nothing', () => {
  it('answers unknown routes, bad ids, wrong types, bad JSON and oversized bodies with 4xx', async () => {
    const c = await s.as('specialist');
    const before = await tableCounts(s.database);
    const unknown = await c.get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    const badId = await c.get('/api/organizations/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.fields[0].path).toBe('params.id');
    const wrongType = await c.post('/api/organizations', { kind: 'spaceship', name: 'plain string', tags: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.code).toBe('validation');
    const paths = wrongType.body.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'name', 'tags']));
    const badJson = await c.request('POST', '/api/organizations', '{"kind": ', { 'content-type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.code).toBe('bad_request');
    const huge = await c.request('POST', '/api/organizations', JSON.stringify({ notes: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    const wrongMedia = await c.request('POST', '/api/organizations', 'kind=other', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongMedia.status).toBe(415);
    expect(await tableCounts(s.database)).toEqual(before);
  });

  it('names the failing fields in the user language', async () => {
    const c = await s.as('specialist', { locale: 'bg' });
    const res = await c.post('/api/organizations', { kind: 'ngo', name: { original: 'bg', values: { bg: '' } }, email: 'no' });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.body.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath['name.values.bg']).toBe('Полето е задължително.');
    expect(byPath.email).toBe('Невалиден имейл адрес.');
  });
});

describe('OpenAPI', () => {
  it('publishes every route with the permission it needs', async () => {
    const doc = (await s.client().get('/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    const ops = Object.entries(doc.paths as Record<string, Record<string, { 'x-permission'?: string }>>).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ p, m, permission: op['x-permission'] })),
    );
    expect(ops.length).toBeGreaterThan(25);
    expect(ops.filter((o) => !o.permission)).toEqual([]);
    expect(ops.find((o) => o.p === '/api/organizations' && o.m === 'post')?.permission).toBe('directory.write');
    expect((await s.client().get('/api/docs/')).status).toBe(200);
  });

  it('sets security headers', async () => {
    const res = await s.client().get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
