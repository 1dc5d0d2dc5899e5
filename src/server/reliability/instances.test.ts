import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { HOUSEKEEPING, startJobs, type Jobs } from '../platform/jobs.js';
import { Client, buildOrganization } from '../test/harness.js';
import { ADMIN, freshPostgresDatabase } from './processes.js';

/*
 * Two app instances, each with its own connection pool and its own pg-boss worker, on one
 * PostgreSQL database, as two machines behind a load balancer would be. They start at the same
 * moment on an empty database (both migrate). Only PostgreSQL can be shared this way: PGlite
 * lives inside one process.
 */
const LOGIN_LIMIT = 4;
const PROBE = 'reliability-probe';
const JOBS = 40;

type Instance = { app: App; url: string; jobs: Jobs | null; dataDir: string };
const instances: Instance[] = [];
let dropDatabase: (() => Promise<void>) | null = null;
let databaseUrl = '';

async function startInstance(databaseUrl: string): Promise<Instance> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legato-instance-'));
  const instance: Instance = { app: null as unknown as App, url: '', jobs: null, dataDir };
  instances.push(instance);
  const config = loadConfig(
    {
      DATABASE_URL: databaseUrl,
      LEGATO_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      LEGATO_LOGIN_LIMIT: String(LOGIN_LIMIT),
      LEGATO_JOBS: '0', // started below, to reach each instance's pg-boss
      LEGATO_ADMIN_EMAIL: ADMIN.email,
      LEGATO_ADMIN_PASSWORD: ADMIN.password,
    },
    [],
  );
  instance.app = await buildApp(config, { logger: false });
  await instance.app.listen({ port: 0, host: '127.0.0.1' });
  const address = instance.app.server.address();
  instance.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return instance;
}

const postgres = process.env.TEST_DATABASE_URL;
describe.skipIf(!postgres)('two instances on one PostgreSQL database (needs TEST_DATABASE_URL; PGlite is single-process)', () => {
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    const database = await freshPostgresDatabase();
    dropDatabase = database.drop;
    databaseUrl = database.url;
    [a, b] = await Promise.all([startInstance(database.url), startInstance(database.url)]);
    [a.jobs, b.jobs] = await Promise.all([startJobs(a.app.ctx), startJobs(b.app.ctx)]);
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.jobs?.stop().catch((err) => console.error('[instances cleanup]', err));
      await i.app?.close().catch((err) => console.error('[instances cleanup]', err));
      await fs.rm(i.dataDir, { recursive: true, force: true });
    }
    await dropDatabase?.();
  });

  const signIn = async (i: Instance) => {
    const c = new Client(i.url);
    await c.login(ADMIN.email, ADMIN.password);
    return c;
  };

  it('start together on an empty database: both migrate and start their job workers, one administrator is created', async () => {
    for (const i of [a, b]) expect((await new Client(i.url).get('/api/health')).body).toEqual({ status: 'ok', database: 'postgres' });
    const { rows } = await a.app.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'administrator'`);
    expect(rows[0].n).toBe(1);
  });

  it('a change made through one is read through the other', async () => {
    const onA = await signIn(a);
    const onB = await signIn(b);
    const created = await onA.post('/api/organizations', buildOrganization({ name: { original: 'en', values: { en: 'Seen from both' } } }));
    expect(created.status).toBe(201);
    expect((await onB.get(`/api/organizations/${created.body.id}`)).body).toEqual(created.body);
    expect((await onB.get('/api/organizations?q=seen%20from%20both')).body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);

    const changed = await onB.patch(`/api/organizations/${created.body.id}`, { version: 1, city: 'Zugdidi' });
    expect(changed.status).toBe(200);
    expect((await onA.get(`/api/organizations/${created.body.id}`)).body).toMatchObject({ version: 2, city: 'Zugdidi' });
    // A's stale version is refused on A as on B.
    expect((await onA.patch(`/api/organizations/${created.body.id}`, { version: 1, city: 'Ruse' })).status).toBe(409);
  });

  it('a session opened on one works on the other, for reading and writing; signing out on one ends it on both', async () => {
    const onA = await signIn(a);
    const sameOnB = new Client(b.url);
    Object.assign(sameOnB, { cookie: onA.cookie, csrf: onA.csrf });
    expect((await sameOnB.get('/api/auth/session')).body.user.email).toBe(ADMIN.email);
    const written = await sameOnB.post('/api/organizations', buildOrganization({ name: { original: 'en', values: { en: 'Written on B' } } }));
    expect(written.status).toBe(201);
    // The CSRF token is the session's, checked on B too.
    const forged = new Client(b.url);
    Object.assign(forged, { cookie: onA.cookie, csrf: 'forged' });
    expect((await forged.post('/api/organizations', buildOrganization())).body.code).toBe('csrf');

    expect((await sameOnB.post('/api/auth/logout')).status).toBe(204);
    const afterLogout = await onA.get('/api/auth/session');
    expect(afterLogout.status).toBe(401);
    expect((await onA.post('/api/organizations', buildOrganization())).status).toBe(401);
  });

  it('counts sign-in attempts made on both instances against one limit', async () => {
    const email = 'someone@reliability.legato.local';
    const statuses: number[] = [];
    for (let n = 0; n < LOGIN_LIMIT + 2; n++) {
      const via = n % 2 === 0 ? a : b;
      statuses.push((await new Client(via.url).post('/api/auth/login', { email, password: `guess-${n}-wrong` })).status);
    }
    expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(401), 429, 429]);
  });

  it('runs each job exactly once across the two workers', async () => {
    const handled: { id: string; by: 'a' | 'b' }[] = [];
    const work = async ({ boss, createQueue }: Jobs, by: 'a' | 'b') => {
      await createQueue(PROBE);
      await boss.work(PROBE, { batchSize: 2, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) handled.push({ id: job.id, by });
        await new Promise((r) => setTimeout(r, 20)); // a little work, so both workers get some
      });
    };
    await Promise.all([work(a.jobs!, 'a'), work(b.jobs!, 'b')]);
    const sent: string[] = [];
    for (let n = 0; n < JOBS; n++) {
      const id = await (n % 2 ? b : a).jobs!.boss.send(PROBE, { n });
      sent.push(id!);
    }
    const deadline = Date.now() + 30_000;
    while (handled.length < JOBS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // A little longer, so that a second delivery of any job would show.
    await new Promise((r) => setTimeout(r, 1500));
    expect(handled.map((h) => h.id).sort()).toEqual([...sent].sort());
    const { rows } = await a.app.ctx.database.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state`,
      [PROBE],
    );
    expect(rows).toEqual([{ state: 'completed', n: JOBS }]);
    console.info(`[instances] ${JOBS} jobs: ${handled.filter((h) => h.by === 'a').length} handled by A, ${handled.filter((h) => h.by === 'b').length} by B`);
  });

  it('keeps one housekeeping schedule, however many instances start', async () => {
    const { rows } = await a.app.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.schedule WHERE name = $1`, [HOUSEKEEPING]);
    expect(rows[0].n).toBe(1);
    for (const i of [a, b]) expect((await i.jobs!.boss.getSchedules()).filter((s) => s.name === HOUSEKEEPING)).toHaveLength(1);
  });

  it('keep serving when PostgreSQL drops their connections (a restart, a failover)', async () => {
    const onA = await signIn(a);
    const dba = new pg.Client({ connectionString: databaseUrl });
    await dba.connect();
    try {
      const { rows } = await dba.query(`SELECT pg_terminate_backend(pid) AS gone FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await dba.end();
    }
    await new Promise((r) => setTimeout(r, 300));
    // An unhandled error from a dropped idle connection would have ended this process.
    for (const i of [a, b]) expect((await new Client(i.url).get('/api/health')).status).toBe(200);
    expect((await onA.get('/api/auth/session')).status).toBe(200);
  });
});
