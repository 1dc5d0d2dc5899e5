import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { Client, PASSWORD, startServer, type Res, type TestServer } from '../test/harness.js';
import { signIn, type Account } from './factories.js';
import { databaseFingerprint } from './fingerprint.js';

/**
 * Sessions (expiry, revocation, cookie flags), uploads (size, content sniffing, file names)
 * and the security headers of HTML and API answers.
 *
 * Two servers share one database: the usual one (uploads limited to 0.1 MB), and a second with
 * ~1 s sessions, Secure cookies and a web app to serve, as a second instance would be.
 */
let s: TestServer;
let brief: { app: App; url: string; webDir: string; dataDir: string };
let admin: Account;

beforeAll(async () => {
  s = await startServer({ LEGATO_MAX_UPLOAD_MB: '0.1' });
  admin = await signIn(s, 'administrator', 'sessions');
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legato-brief-'));
  const webDir = path.join(dataDir, 'web');
  await fs.mkdir(webDir);
  await fs.writeFile(path.join(webDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body></body></html>');
  await fs.writeFile(path.join(webDir, 'app.js'), 'console.log(1);');
  const config = loadConfig(
    {
      LEGATO_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      LEGATO_JOBS: '0',
      LEGATO_LOGIN_LIMIT: '1000',
      LEGATO_SESSION_HOURS: '0.0003', // 1.08 s
      LEGATO_SECURE_COOKIES: '1',
    },
    [],
  );
  const app = await buildApp({ ...config, webDir }, { database: s.database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  brief = { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, webDir, dataDir };
});

afterAll(async () => {
  await brief?.app.close();
  if (brief) await fs.rm(brief.dataDir, { recursive: true, force: true });
  await s?.close();
});

const sessionCookie = (res: Res) => res.headers.getSetCookie().find((c) => c.startsWith('legato_session='));

describe('sessions', () => {
  it('the session cookie is HttpOnly and SameSite=Lax, and not Secure unless LEGATO_SECURE_COOKIES is set', async () => {
    const account = await signIn(s, 'viewer', 'cookie');
    const res = await new Client(s.url).request('POST', '/api/auth/login', { email: account.email, password: PASSWORD });
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(res.text).not.toContain(cookie.split(';')[0].split('=')[1]); // the session id never appears in a body
  });

  it('with LEGATO_SECURE_COOKIES=1 the cookie is Secure too', async () => {
    const account = await signIn(s, 'viewer', 'secure');
    const res = await new Client(brief.url).request('POST', '/api/auth/login', { email: account.email, password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it('a session expires after LEGATO_SESSION_HOURS, even when the browser still sends the cookie', async () => {
    const account = await signIn(s, 'specialist', 'expiring');
    const c = new Client(brief.url);
    const login = await c.login(account.email, PASSWORD);
    expect(sessionCookie(login)).toMatch(/Max-Age=1\b/);
    expect((await c.get('/api/auth/session')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const res = await c.get('/api/auth/session');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'unauthenticated' });
    // The same session is expired for every instance: it lives in the database.
    expect((await new Client(s.url).request('GET', '/api/auth/session', undefined, { cookie: c.cookie })).status).toBe(401);
  });

  it('an administrator resetting a password signs that user out everywhere, and only that user', async () => {
    const user = await signIn(s, 'specialist', 'reset');
    const second = new Client(s.url);
    await second.login(user.email, PASSWORD);
    const bystander = await signIn(s, 'specialist', 'bystander');
    const before = (await admin.client.get(`/api/users/${user.id}`)).body;
    const reset = await admin.client.patch(`/api/users/${user.id}`, { version: before.version, password: 'a-brand-new-password' });
    expect(reset.status).toBe(200);
    for (const c of [user.client, second]) expect((await c.get('/api/auth/session')).status).toBe(401);
    expect((await bystander.client.get('/api/auth/session')).status).toBe(200);
    expect((await admin.client.get('/api/auth/session')).status).toBe(200);
    expect((await new Client(s.url).post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(401);
    expect((await new Client(s.url).post('/api/auth/login', { email: user.email, password: 'a-brand-new-password' })).status).toBe(200);
  });

  it('deactivating a user ends their sessions and refuses their sign-in', async () => {
    const user = await signIn(s, 'press_officer', 'leaving');
    const before = (await admin.client.get(`/api/users/${user.id}`)).body;
    expect((await admin.client.patch(`/api/users/${user.id}`, { version: before.version, active: false })).status).toBe(200);
    const res = await user.client.get('/api/organizations');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'unauthenticated' });
    const again = await new Client(s.url).post('/api/auth/login', { email: user.email, password: PASSWORD });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 401, code: 'invalid_credentials' });
    const { rows } = await s.database.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [user.id]);
    expect(Number(rows[0].n)).toBe(0);
  });

  it('a role taken away applies to the next request of a session already open', async () => {
    const user = await signIn(s, 'specialist', 'demoted');
    expect((await user.client.post('/api/organizations', {})).status).toBe(400); // allowed: only the empty body is wrong
    const before = (await admin.client.get(`/api/users/${user.id}`)).body;
    expect((await admin.client.patch(`/api/users/${user.id}`, { version: before.version, role: 'viewer' })).status).toBe(200);
    const res = await user.client.post('/api/organizations', {});
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
  });

  it('a state-changing request without the CSRF token of its session is refused', async () => {
    const user = await signIn(s, 'specialist', 'csrf');
    const other = await signIn(s, 'specialist', 'csrf-other');
    for (const token of [undefined, '', other.client.csrf]) {
      const headers: Record<string, string> = { cookie: user.client.cookie, 'content-type': 'application/json' };
      if (token !== undefined) headers['x-csrf-token'] = token;
      const res = await fetch(`${s.url}/api/organizations`, { method: 'POST', headers, body: '{}' });
      expect({ token, status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({ token, status: 403, code: 'csrf' });
    }
  });
});

/** A multipart body written by hand: the file name and part headers are sent exactly as given. */
function multipart(parts: { name: string; filename?: string; type?: string; data: Buffer | string }[]): { body: Buffer; type: string } {
  const boundary = `----legato${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const CSV = 'name,city\nRuse Municipality,Ruse\n';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1f1f00000000049454e44ae426082', 'hex');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really an archive at all, just bytes after the magic number')]);

async function upload(filename: string, data: Buffer | string, type = 'text/csv', target = 'organizations') {
  const { body, type: contentType } = multipart([
    { name: 'target', data: target },
    { name: 'file', filename, type, data },
  ]);
  return admin.client.request('POST', '/api/imports', body, { 'content-type': contentType });
}

/** Every file under a directory, as paths relative to it. */
async function tree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('uploads', () => {
  const stored = () => tree(s.app.ctx.config.filesDir);

  it('a file over LEGATO_MAX_UPLOAD_MB is refused with 413, and nothing is stored', async () => {
    const before = { files: await stored(), db: await databaseFingerprint(s.database) };
    const big = `name\n${'Organisation with a long name,'.repeat(8000)}\n`; // ~240 kB against a 0.1 MB limit
    const res = await upload('big.csv', big);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 413, code: 'payload_too_large' });
    expect(await stored()).toEqual(before.files);
    expect(await databaseFingerprint(s.database)).toEqual(before.db);
  });

  it('content is sniffed, whatever the name or declared type: executables, images and broken archives are refused', async () => {
    const before = { files: await stored(), db: await databaseFingerprint(s.database) };
    const cases: [string, Buffer | string, string][] = [
      ['tool.exe', EXE, 'application/x-msdownload'],
      ['tool.csv', EXE, 'text/csv'],
      ['photo.csv', PNG, 'text/csv'],
      ['photo.png', PNG, 'image/png'],
      ['book.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['book.csv', ZIP, 'text/csv'],
      ['list.xlsx', CSV, 'text/csv'],
      ['script.html', '<script>alert(1)</script>', 'text/html'],
    ];
    for (const [name, data, type] of cases) {
      const res = await upload(name, data, type);
      expect({ name, status: res.status, problem: res.headers.get('content-type')?.startsWith('application/problem+json') }).toEqual({ name, status: 415, problem: true });
    }
    expect(await stored()).toEqual(before.files);
    expect(await databaseFingerprint(s.database)).toEqual(before.db);
  });

  it('a client file name never becomes a path: only generated keys are written, inside the store', async () => {
    const escape = `legato-escape-${randomUUID()}`;
    const names = [
      `../../${escape}.csv`,
      `..\\..\\${escape}.csv`,
      `/tmp/${escape}.csv`,
      `C:\\Windows\\${escape}.csv`,
      `%2e%2e%2f${escape}.csv`,
      `....//....//${escape}.csv`,
      `${escape}\u0000.exe.csv`,
      `${escape}\u202ev sc.exe.csv`,
      `${'x'.repeat(1000)}.csv`,
    ];
    for (const name of names) {
      const res = await upload(name, CSV, 'text/csv');
      expect({ name, status: res.status }).toEqual({ name, status: 201 });
      expect(res.body.fileName).not.toMatch(/[/\\\u0000]|^\.\.?$/);
      expect(res.body.fileName.length).toBeLessThanOrEqual(200);
      const run = await admin.client.post(`/api/imports/${res.body.id}/run`, { mapping: { name: 'name', city: 'city' }, dryRun: true });
      expect({ name, status: run.status, valid: run.body.valid }).toEqual({ name, status: 200, valid: 1 });
    }
    const files = await stored();
    expect(files.length).toBeGreaterThanOrEqual(names.length);
    expect(files.filter((f) => !/^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(csv|xlsx)$/.test(f))).toEqual([]);
    // Nothing next to the store, in the data directory or above it, carries the name.
    const dataDir = s.app.ctx.config.dataDir;
    const around = [...(await tree(dataDir)), ...(await fs.readdir(path.dirname(dataDir)))];
    expect(around.filter((f) => f.includes(escape))).toEqual([]);
    expect((await fs.readdir(dataDir)).filter((f) => f !== 'files')).toEqual([]);
  });

  it('the declared type of a part does not decide: a real CSV sent as image/png is read as CSV', async () => {
    const res = await upload('partners.csv', CSV, 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.columns).toEqual(['name', 'city']);
  });

  it('requests that are not a multipart upload, or a broken one, are refused with 4xx problem+json', async () => {
    const before = { files: await stored(), db: await databaseFingerprint(s.database) };
    const noBoundary = multipart([{ name: 'target', data: 'organizations' }]);
    const tooMany = multipart(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    const noFile = multipart([{ name: 'target', data: 'organizations' }]);
    const badTarget = multipart([
      { name: 'target', data: 'users' },
      { name: 'file', filename: 'a.csv', type: 'text/csv', data: CSV },
    ]);
    const twoFiles = multipart([
      { name: 'target', data: 'organizations' },
      { name: 'file', filename: 'a.csv', type: 'text/csv', data: CSV },
      { name: 'file', filename: 'b.csv', type: 'text/csv', data: CSV },
    ]);
    const cases: [string, string | Buffer | undefined, string | undefined][] = [
      ['JSON', '{"target":"organizations"}', 'application/json'],
      ['text', CSV, 'text/plain'],
      ['form', 'target=organizations&file=x', 'application/x-www-form-urlencoded'],
      ['XML', '<a/>', 'application/xml'],
      ['CSV body', CSV, 'text/csv'],
      ['multipart without boundary', noBoundary.body, 'multipart/form-data'],
      ['multipart with a wrong boundary', noBoundary.body, 'multipart/form-data; boundary=nope'],
      ['too many parts', tooMany.body, tooMany.type],
      ['no file', noFile.body, noFile.type],
      ['unknown target', badTarget.body, badTarget.type],
      ['two files', twoFiles.body, twoFiles.type],
      ['no body', undefined, undefined],
    ];
    for (const [label, body, type] of cases) {
      const res = await admin.client.request('POST', '/api/imports', body, type ? { 'content-type': type } : {});
      const problem = res.headers.get('content-type')?.startsWith('application/problem+json') && typeof res.body.code === 'string';
      expect({ label, status: res.status >= 400 && res.status < 500, problem }).toEqual({ label, status: true, problem: true });
    }
    // And a JSON route does not take multipart.
    const json = await admin.client.request('POST', '/api/organizations', badTarget.body, { 'content-type': badTarget.type });
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);
    expect(await stored()).toEqual(before.files);
    expect(await databaseFingerprint(s.database)).toEqual(before.db);
  });
});

function policy(res: Response): Record<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

describe('security headers', () => {
  function expectSecure(res: Response, what: string) {
    const csp = policy(res);
    const scripts = csp['script-src'] ?? csp['default-src'] ?? [];
    expect({ what, frameAncestors: csp['frame-ancestors'] }).toEqual({ what, frameAncestors: ["'none'"] });
    expect({ what, scripts: scripts.filter((v) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(v)) }).toEqual({ what, scripts: [] });
    expect({ what, defaultSrc: csp['default-src'], objectSrc: csp['object-src'] }).toEqual({ what, defaultSrc: ["'self'"], objectSrc: ["'none'"] });
    expect({ what, baseUri: csp['base-uri'] }).toEqual({ what, baseUri: ["'self'"] });
    expect({ what, referrer: res.headers.get('referrer-policy') }).toEqual({ what, referrer: expect.stringMatching(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/) });
    expect({ what, nosniff: res.headers.get('x-content-type-options') }).toEqual({ what, nosniff: 'nosniff' });
    expect({ what, frame: res.headers.get('x-frame-options') }).toEqual({ what, frame: 'DENY' });
    expect({ what, poweredBy: res.headers.get('x-powered-by') }).toEqual({ what, poweredBy: null });
  }

  it('on the web app, its scripts, the API docs, API answers, errors and unknown paths', async () => {
    const session = (await new Client(brief.url).request('GET', '/api/auth/session')).headers;
    expect(session.get('content-type')).toMatch(/^application\/problem\+json/);
    const pages: [string, string, RegExp][] = [
      ['/', 'web app page', /^text\/html/],
      ['/organizations/123', 'web app route', /^text\/html/],
      ['/app.js', 'web app script', /javascript/],
      ['/api/health', 'API answer', /^application\/json/],
      ['/api/organizations', 'API refusal (401)', /^application\/problem\+json/],
      ['/api/nothing-here', 'API 404', /^application\/problem\+json/],
      ['/api/docs/', 'API docs', /^text\/html/],
      [`/api/organizations?q=${'x'.repeat(100_000)}`, 'request too large for the HTTP parser', /^application\/problem\+json/],
    ];
    for (const [url, what, type] of pages) {
      const res = await fetch(brief.url + url, { redirect: 'manual' });
      await res.arrayBuffer();
      expect({ what, type: res.headers.get('content-type') }).toEqual({ what, type: expect.stringMatching(type) });
      if (what.startsWith('request too large')) {
        expect(res.status).toBe(431); // answered by Node's parser before any route: no headers to check beyond the type
        continue;
      }
      expectSecure(res, what);
    }
    const authed = await admin.client.get('/api/organizations');
    expect(authed.status).toBe(200);
    expect(authed.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });
});
