import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { Client, buildOrganization } from '../test/harness.js';
import { ADMIN, allPages, freshPostgresDatabase, inParallel, killAllChildServers, startChildServer, type ChildServer } from './processes.js';

/*
 * The real server in a child process under a steady write load, killed with SIGKILL mid-load
 * and restarted on the same data, three times. Whatever the API acknowledged (201/200) must be
 * there afterwards, and nothing half-written may show: each organisation has exactly its
 * 'create' audit entry and one 'update' entry per version, written in the same transaction.
 */
const ROUNDS = 3;
const LOOPS = 8;
const KILL_AFTER_MS = 1500;
const MIN_ACKS_PER_ROUND = 20;

type Ack = { version: number; notes: string };
type Org = { id: string; version: number; notes: string };
type AuditRow = { action: string; entityId: string };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await killAllChildServers();
  for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => console.error('[crash-safety cleanup]', err));
});

/** 8 loops creating organisations and changing their own: every 201/200 is recorded in `acked`. */
function writeLoad(c: Client, round: number, acked: Map<string, Ack>, stop: { now: boolean }, deadline: number) {
  const stats = { acks: 0, attempts: 0, creates: 0, unexpected: [] as string[] };
  const loop = async (l: number) => {
    const own: string[] = [];
    for (let n = 0; n < 2000 && !stop.now && Date.now() < deadline; n++) {
      const notes = `round ${round} loop ${l} write ${n}`;
      const id = n % 3 === 2 && own.length ? own[n % own.length] : null;
      stats.attempts++;
      try {
        if (id) {
          const res = await c.patch(`/api/organizations/${id}`, { version: acked.get(id)!.version, notes });
          if (res.status !== 200) throw new Error(`PATCH ${res.status} ${res.text}`);
          acked.set(id, { version: res.body.version, notes: res.body.notes });
        } else {
          stats.creates++;
          const name = { original: 'en', values: { en: `Crash ${round}-${l}-${n}` } };
          const res = await c.post('/api/organizations', buildOrganization({ name, notes }));
          if (res.status !== 201) throw new Error(`POST ${res.status} ${res.text}`);
          acked.set(res.body.id, { version: res.body.version, notes: res.body.notes });
          own.push(res.body.id);
        }
        stats.acks++;
      } catch (err) {
        // The server was killed under this request: it is unacknowledged, and the load ends.
        if (stop.now) return;
        stats.unexpected.push(String(err));
        return;
      }
    }
  };
  return { stats, done: Promise.all(Array.from({ length: LOOPS }, (_, l) => loop(l))) };
}

async function signIn(url: string): Promise<Client> {
  const c = new Client(url);
  await c.login(ADMIN.email, ADMIN.password);
  return c;
}

/** Every acknowledged write is there, and the audit log matches the records one for one. */
async function checkConsistent(c: Client, acked: Map<string, Ack>, expect: ExpectStatic) {
  // Each acknowledged record, read one by one.
  const lost: string[] = [];
  let ahead = 0; // committed, but the answer was lost with the process
  await inParallel([...acked], 8, async ([id, ack]) => {
    const res = await c.get(`/api/organizations/${id}`);
    if (res.status !== 200) return void lost.push(`${id}: ${res.status}`);
    if (res.body.version === ack.version + 1) ahead++;
    // At most one unacknowledged change per record was in flight when the process died.
    if (res.body.version < ack.version || res.body.version > ack.version + 1) lost.push(`${id}: version ${res.body.version}, acknowledged ${ack.version}`);
    else if (res.body.version === ack.version && res.body.notes !== ack.notes) lost.push(`${id}: notes ${res.body.notes}, acknowledged ${ack.notes}`);
  });
  expect(lost).toEqual([]);

  const orgs = await allPages<Org>(c, '/api/organizations?sort=updatedAt');
  const audit = await allPages<AuditRow>(c, '/api/audit?entityType=organization');
  const creates = new Map<string, number>();
  const updates = new Map<string, number>();
  for (const a of audit) {
    const counts = a.action === 'create' ? creates : updates;
    counts.set(a.entityId, (counts.get(a.entityId) ?? 0) + 1);
  }
  // No record without its audit entries, no audit entry of a change that is not there.
  const mismatched = orgs
    .filter((o) => creates.get(o.id) !== 1 || (updates.get(o.id) ?? 0) !== o.version - 1)
    .map((o) => `${o.id}: version ${o.version}, ${creates.get(o.id) ?? 0} create and ${updates.get(o.id) ?? 0} update entries`);
  expect(mismatched).toEqual([]);
  const ids = new Set(orgs.map((o) => o.id));
  expect([...creates.keys(), ...updates.keys()].filter((id) => !ids.has(id))).toEqual([]);
  expect([...acked.keys()].filter((id) => !ids.has(id))).toEqual([]);
  return { records: orgs.length, ahead };
}

async function crashAndRestart(env: Record<string, string>, expect: ExpectStatic) {
  const acked = new Map<string, Ack>();
  const measured: Record<string, number>[] = [];
  let server: ChildServer = await startChildServer(env);
  let admin = await signIn(server.url);
  let ackedCreates = 0;
  let attemptedCreates = 0;

  for (let round = 1; round <= ROUNDS; round++) {
    const stop = { now: false };
    const started = Date.now();
    const before = new Set(acked.keys());
    const { stats, done } = writeLoad(admin, round, acked, stop, started + 20_000);
    // Kill mid-load: after ~1.5 s with some writes acknowledged (bounded: 15 s at most).
    while (Date.now() - started < 15_000 && (Date.now() - started < KILL_AFTER_MS || stats.acks < MIN_ACKS_PER_ROUND)) {
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.now = true;
    await server.kill();
    await done;
    expect(stats.unexpected, server.output()).toEqual([]);
    expect(stats.acks).toBeGreaterThanOrEqual(MIN_ACKS_PER_ROUND);
    expect(stats.attempts, 'writes in flight when the process was killed').toBeGreaterThan(stats.acks);
    ackedCreates += [...acked.keys()].filter((id) => !before.has(id)).length;
    attemptedCreates += stats.creates;

    server = await startChildServer(env);
    // The session signed in before the crash lives in the database: it still works.
    const resumed = new Client(server.url);
    Object.assign(resumed, { cookie: admin.cookie, csrf: admin.csrf });
    expect((await resumed.get('/api/auth/session')).status).toBe(200);
    admin = resumed;

    expect((await admin.get('/api/health')).body.status).toBe('ok');
    const { records, ahead } = await checkConsistent(admin, acked, expect);
    expect(records).toBeGreaterThanOrEqual(ackedCreates);
    expect(records).toBeLessThanOrEqual(attemptedCreates);
    // A new write works, and reads back.
    const created = await admin.post('/api/organizations', buildOrganization({ name: { original: 'en', values: { en: `After crash ${round}` } } }));
    expect(created.status).toBe(201);
    acked.set(created.body.id, { version: 1, notes: created.body.notes });
    ackedCreates++;
    attemptedCreates++;
    expect((await admin.get(`/api/organizations/${created.body.id}`)).body.version).toBe(1);
    measured.push({ acks: stats.acks, inFlight: stats.attempts - stats.acks, unacknowledgedButKept: ahead, records });
  }
  await server.stop();
  console.info(`[crash-safety] ${env.DATABASE_URL ? 'postgres' : 'pglite'}: ${ROUNDS} SIGKILLs`, JSON.stringify(measured));
}

// The two databases run side by side (their own servers, data and sessions), to keep the file short.
describe('crash safety: SIGKILL under write load, restart on the same data', () => {
  it.concurrent('keeps every acknowledged write on the embedded database (PGlite)', async ({ expect }) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legato-crash-'));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    await crashAndRestart({ LEGATO_DATA_DIR: dataDir }, expect);
  }, 300_000);

  it.skipIf(!process.env.TEST_DATABASE_URL).concurrent('keeps every acknowledged write on PostgreSQL', async ({ expect }) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legato-crash-'));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const database = await freshPostgresDatabase();
    cleanups.push(database.drop);
    await crashAndRestart({ LEGATO_DATA_DIR: dataDir, DATABASE_URL: database.url }, expect);
  }, 300_000);
});
