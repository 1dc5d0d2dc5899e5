import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Role } from '../../contracts/common/permissions.js';
import { buildApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { insertUser } from '../modules/users/users.service.js';

/**
 * A real server on a fresh real database for one test file: PGlite in a temporary directory, or,
 * when TEST_DATABASE_URL is set, a new database created on that PostgreSQL server (dropped after).
 */
export type TestServer = {
  app: App;
  url: string;
  database: Database;
  kind: 'pglite' | 'postgres';
  client: (locale?: string) => Client;
  as: (role: Role, opts?: { locale?: string; email?: string }) => Promise<Client>;
  close: () => Promise<void>;
};

export const PASSWORD = 'correct-horse-battery';

/**
 * A freshly migrated embedded database, dumped once per test run by global-setup.ts: starting
 * from it skips PGlite's initdb (seconds per test file). Migrations still run on top of it.
 */
async function pgliteTemplate(): Promise<Blob | undefined> {
  const file = process.env.LEGATO_PGLITE_TEMPLATE;
  if (!file) return undefined;
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    return undefined;
  }
}

/** A fresh, migrated database: in-memory PGlite, or a new database on TEST_DATABASE_URL's server. */
export type TestDatabase = { database: Database; url: string | undefined; drop: () => Promise<void> };

export async function createTestDatabase(kind: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (kind === 'pglite') return { database: await openDatabase({ memory: true, loadDataDir: await pgliteTemplate() }), url: undefined, drop: async () => {} };
  if (!base) throw new Error('createTestDatabase: PostgreSQL needs TEST_DATABASE_URL');
  const name = `legato_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { database: await openDatabase({ url: url.toString() }), url: url.toString(), drop };
}

/** `kind` picks the database; by default PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export async function startServer(env: Record<string, string> = {}, opts: { kind?: 'pglite' | 'postgres' } = {}): Promise<TestServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legato-test-'));
  const { database, url: databaseUrl, drop: dropDatabase } = await createTestDatabase(opts.kind);
  const config = loadConfig(
    {
      LEGATO_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      LEGATO_LOGIN_LIMIT: '1000',
      LEGATO_WRITE_LIMIT: '100000',
      LEGATO_JOBS: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    [],
  );
  const app = await buildApp(config, { database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let n = 0;
  const server: TestServer = {
    app,
    url,
    database,
    kind: database.kind,
    client: (locale) => new Client(url, locale),
    async as(role, opts = {}) {
      n += 1;
      const email = opts.email ?? `${role}.${n}@test.legato.local`;
      await database.db.transaction((tx) =>
        insertUser(tx, null, { name: `Test ${role} ${n}`, email, role, locale: (opts.locale as 'en') ?? 'en', password: PASSWORD }),
      );
      const client = new Client(url, opts.locale);
      await client.login(email, PASSWORD);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
      await dropDatabase();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

export type Res<T = any> = { status: number; body: T; headers: Headers; text: string };

/** An HTTP client with a cookie jar and the CSRF token, as a browser or a script would be. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    readonly base: string,
    readonly locale?: string,
  ) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.locale) h['accept-language'] = this.locale;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array) payload = body as BodyInit;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.base + url, { method, headers: h, body: payload });
    const setCookie = res.headers.getSetCookie?.() ?? [];
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair.startsWith('legato_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }
  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  del = <T = any>(url: string) => this.request<T>('DELETE', url);

  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    this.csrf = res.body.csrfToken;
    return res;
  }
}

/** A minimal valid organisation, with overrides. */
export function buildOrganization(over: Record<string, unknown> = {}) {
  return {
    kind: 'partner_city',
    name: { original: 'bg', values: { bg: 'Община Русе', en: 'Ruse Municipality' } },
    country: 'BG',
    city: 'Русе',
    languages: ['bg'],
    tags: ['twin city'],
    ...over,
  };
}

export function buildPerson(over: Record<string, unknown> = {}) {
  return { name: 'Мартин Тонев', lawfulBasis: 'public_task', ...over };
}

/** Row counts of every table, to prove a refused request changed nothing. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = ['users', 'organizations', 'people', 'interactions', 'imports', 'audit_log', 'settings'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = Number(rows[0].n);
  }
  return out;
}
