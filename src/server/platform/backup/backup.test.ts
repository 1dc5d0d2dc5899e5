import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { localFileStore, type FileStore } from '../files.js';
import {
  Client,
  PASSWORD,
  buildOrganization,
  buildPerson,
  createTestDatabase,
  startServer,
  tableCounts,
  type TestDatabase,
  type TestServer,
} from '../../test/harness.js';
import { inspectBackup, nonEmptyTables, restoreBackup, writeBackup, type BackupOptions } from './backup.service.js';
import { appTables } from './backup.tables.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'legato-backup-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

type Target = TestDatabase & { files: FileStore };

/** A fresh, migrated, empty database and an empty file store. */
async function emptyTarget(kind?: 'pglite' | 'postgres'): Promise<Target> {
  const target = await createTestDatabase(kind);
  cleanups.push(async () => {
    await target.database.close();
    await target.drop();
  });
  return { ...target, files: localFileStore(path.join(await tempDir(), 'files')) };
}

/**
 * Empties a used target again, as new as a fresh database (sequences included) and with a new
 * file store: a new PGlite costs seconds on a busy machine, this costs milliseconds.
 */
async function emptied(target: Target): Promise<Target> {
  const names = appTables().map((t) => `"${t.name}"`).join(', ');
  await target.database.query(`TRUNCATE ${names} RESTART IDENTITY CASCADE`);
  return { ...target, files: localFileStore(path.join(await tempDir(), 'files')) };
}

async function backupOf(database: Database, files: FileStore, opts?: BackupOptions): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeBackup(database, files, out, opts);
  return Buffer.concat(chunks);
}

/** Every row of every table of the schema as the database renders it (microseconds, jsonb, arrays), ordered by primary key. */
async function everyRow(database: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
    for (const table of appTables()) {
      const { rows } = (await tx.execute(sql`SELECT row_to_json(x)::text AS r FROM ${table.ref} x`)) as unknown as { rows: { r: string }[] };
      const parsed = rows.map((row) => JSON.parse(row.r) as Record<string, unknown>);
      const key = (row: Record<string, unknown>) => JSON.stringify(table.primaryKey.map((c) => row[c]));
      out[table.name] = parsed.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    }
  });
  return out;
}

async function everyFile(files: FileStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const key of files.keys()) out[key] = (await files.get(key)).toString('base64');
  return out;
}

/** Serves the app on a restored database and file store, to sign in and use it. */
async function serve(database: Database, filesDir: string) {
  const dataDir = path.dirname(filesDir);
  const config = loadConfig({ LEGATO_DATA_DIR: dataDir, LOG_LEVEL: 'silent', LEGATO_JOBS: '0' }, []);
  const app = await buildApp(config, { database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

type Populated = { uploader: string; importId: string; viewerEmail: string; viewerPassword: string };

/** A small office's directory, entered through the API: three scripts, confidential records, users, an upload, audit entries. */
async function populate(s: TestServer): Promise<Populated> {
  const admin = await s.as('administrator');
  const uploader = `uploader.${s.kind}@test.legato.local`;
  const specialist = await s.as('specialist', { email: uploader });
  const viewerEmail = 'viewer.restored@test.legato.local';
  const viewerPassword = 'restored-viewer-pass';
  expect((await admin.post('/api/users', { name: 'Вера Петрова', email: viewerEmail, role: 'viewer', locale: 'bg', password: viewerPassword })).status).toBe(201);

  const org = async (c: Client, body: Record<string, unknown>) => {
    const res = await c.post('/api/organizations', buildOrganization(body));
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; version: number };
  };
  const ruse = await org(specialist, {});
  const zugdidi = await org(specialist, { name: { original: 'ka', values: { ka: 'ზუგდიდის მუნიციპალიტეტი', en: 'Zugdidi Municipality' } }, country: 'GE', city: 'ზუგდიდი', languages: ['ka', 'en'] });
  const lyon = await org(admin, { kind: 'network', name: { original: 'en', values: { en: 'Lyon Métropole' } }, country: 'FR', city: 'Lyon', tags: [], addresses: [{ label: 'HQ', street: '20 rue du Lac', city: 'Lyon', postcode: '69003', country: 'FR' }] });
  await org(specialist, { name: { original: 'bg', values: { bg: 'Поверително дружество' } }, confidential: true });
  expect((await specialist.patch(`/api/organizations/${lyon.id}`, { version: lyon.version, notes: 'Партньор от 2016 г. — ქალაქი' })).status).toBe(200);

  const person = async (c: Client, body: Record<string, unknown>) => {
    const res = await c.post('/api/people', buildPerson(body));
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string };
  };
  const mayor = await person(specialist, { organizationId: ruse.id, phones: [{ label: 'office', number: '+359 82 500 000' }], languages: ['bg', 'en'] });
  await person(specialist, { name: 'ნინო ბერიძე', organizationId: zugdidi.id, confidential: true });
  await person(admin, { name: 'Claire Dubois', organizationId: lyon.id, accompanyingPersons: [{ name: 'Marc Dubois', relation: 'spouse', notes: '' }] });

  for (const body of [
    { kind: 'meeting', occurredAt: '2025-03-14T10:30:00.123Z', subject: 'Среща за побратимяване', organizationId: ruse.id, personId: mayor.id },
    { kind: 'letter', occurredAt: '2025-04-01T08:00:00+04:00', subject: 'წერილი', organizationId: zugdidi.id },
  ]) {
    const res = await specialist.post('/api/interactions', body);
    expect(res.status, res.text).toBe(201);
  }

  const form = new FormData();
  form.append('target', 'organizations');
  form.append('file', new Blob(['Name,Country\r\nОбщина Варна,BG\r\nქუთაისი,GE\r\n']), 'partners.csv');
  const upload = await specialist.post('/api/imports', form);
  expect(upload.status, upload.text).toBe(201);
  return { uploader, importId: upload.body.id, viewerEmail, viewerPassword };
}

let s: TestServer;
let populated: Populated;
let spare: Target; // a PGlite target, emptied again for each test that restores into it
beforeAll(async () => {
  s = await startServer();
  cleanups.push(() => s.close());
  populated = await populate(s);
  spare = await emptyTarget('pglite');
});

describe('backup and restore', () => {
  it('backs up every table of the schema, and the schema has no table the backup misses', async () => {
    const { rows } = await s.database.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(rows.map((r) => r.name).sort()).toEqual(appTables().map((t) => t.name).sort());
    const order = appTables().map((t) => t.name);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
    expect(order.indexOf('organizations')).toBeLessThan(order.indexOf('people'));
    expect(order.indexOf('people')).toBeLessThan(order.indexOf('interactions'));
  });

  it(`round-trips a populated database: every row of every table and every file are equal, and users sign in`, async () => {
    const backup = await backupOf(s.database, s.app.ctx.files, { batchSize: 3 }); // small batches: keyset paging is exercised
    const source = await everyRow(s.database);
    const sourceFiles = await everyFile(s.app.ctx.files);
    expect(Object.keys(sourceFiles)).toHaveLength(1);
    for (const table of ['users', 'sessions', 'organizations', 'people', 'interactions', 'imports', 'audit_log']) expect(source[table].length, table).toBeGreaterThan(0);

    const summary = await inspectBackup(Readable.from([backup]));
    expect(summary.counts).toEqual(Object.fromEntries(Object.entries(source).map(([t, rows]) => [t, rows.length])));

    for (const kind of onPostgres ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
      const target = kind === 'pglite' ? spare : await emptyTarget(kind);
      const restored = await restoreBackup(target.database, target.files, Readable.from([backup]), { batchSize: 2 });
      expect(restored.counts).toEqual(summary.counts);
      expect(await everyRow(target.database), `restored into ${kind}`).toEqual(source);
      expect(await everyFile(target.files)).toEqual(sourceFiles);

      // The copy works: a user signs in with the password they had, the upload is readable,
      // and new audit entries continue after the restored ones.
      const url = await serve(target.database, target.files.root);
      const viewer = new Client(url);
      await viewer.login(populated.viewerEmail, populated.viewerPassword);
      expect((await viewer.get('/api/organizations?pageSize=100')).body.total).toBe(3); // the confidential one stays hidden
      const uploader = new Client(url);
      await uploader.login(populated.uploader, PASSWORD);
      const dryRun = await uploader.post(`/api/imports/${populated.importId}/run`, { mapping: { Name: 'name', Country: 'country' }, dryRun: true });
      expect(dryRun.status, dryRun.text).toBe(200);
      expect(dryRun.body.total).toBe(2);
      const maxId = Math.max(...source.audit_log.map((r) => Number((r as { id: number }).id)));
      expect((await uploader.post('/api/organizations', buildOrganization())).status).toBe(201);
      const { rows } = await target.database.query<{ id: string }>(`SELECT max(id)::text AS id FROM audit_log`);
      expect(Number(rows[0].id)).toBeGreaterThan(maxId);
    }
  });

  it.skipIf(!onPostgres)('moves an embedded (PGlite) database to PostgreSQL with every record and attachment (needs TEST_DATABASE_URL)', async () => {
    const embedded = await startServer({}, { kind: 'pglite' });
    cleanups.push(() => embedded.close());
    const facts = await populate(embedded);
    const backup = await backupOf(embedded.database, embedded.app.ctx.files);
    const target = await emptyTarget('postgres');
    await restoreBackup(target.database, target.files, Readable.from([backup]));
    expect(await everyRow(target.database)).toEqual(await everyRow(embedded.database));
    expect(await everyFile(target.files)).toEqual(await everyFile(embedded.app.ctx.files));
    const viewer = new Client(await serve(target.database, target.files.root));
    await viewer.login(facts.viewerEmail, facts.viewerPassword);
    expect((await viewer.get('/api/config')).body.database).toBe('postgres');
  });

  it('takes a consistent snapshot while writes go on: every organisation has its audit entry and every entry its organisation', async () => {
    const writers = await Promise.all([s.as('specialist'), s.as('specialist')]);
    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const load = writers.map(async (c) => {
      while (!stop) {
        const res = await c.post('/api/organizations', buildOrganization({ name: { original: 'en', values: { en: `Load ${n++}` } }, tags: ['load'] }));
        expect(res.status, res.text).toBe(201);
        acknowledged.push(res.body.id);
      }
    });
    const waitFor = async (count: number) => {
      while (acknowledged.length < count) await new Promise((r) => setTimeout(r, 5));
    };
    await waitFor(4);
    const before = [...acknowledged];
    const backup = await backupOf(s.database, s.app.ctx.files, { batchSize: 2 });
    await waitFor(acknowledged.length + 4); // the writes went on after the backup
    stop = true;
    await Promise.all(load);

    const target = await emptied(spare);
    await restoreBackup(target.database, target.files, Readable.from([backup]));
    const { rows: orgs } = await target.database.query<{ id: string }>(`SELECT id FROM organizations WHERE 'load' = ANY(tags)`);
    const { rows: created } = await target.database.query<{ id: string }>(
      `SELECT entity_id AS id FROM audit_log WHERE action = 'create' AND entity_type = 'organization' AND entity_id = ANY($1::text[])`,
      [acknowledged],
    );
    const restoredIds = orgs.map((r) => r.id).sort();
    expect(created.map((r) => r.id).sort()).toEqual(restoredIds);
    expect(restoredIds).toEqual(expect.arrayContaining(before));
    expect(acknowledged).toEqual(expect.arrayContaining(restoredIds));
    expect(restoredIds.length).toBeLessThan(acknowledged.length);
  });

  it('refuses a non-empty target, a cut-off file and another schema version, and writes nothing', async () => {
    const backup = await backupOf(s.database, s.app.ctx.files);

    const before = await tableCounts(s.database);
    await expect(restoreBackup(s.database, s.app.ctx.files, Readable.from([backup]))).rejects.toThrow(/target database is not empty \((?=.*organizations: \d+)(?=.*users: \d+)/);
    expect(await tableCounts(s.database)).toEqual(before);

    const target = await emptied(spare);
    const nothingWritten = async () => {
      expect(await nonEmptyTables(target.database.db)).toEqual({});
      expect(await everyFile(target.files)).toEqual({});
    };
    // Cut in the middle of the gzip stream.
    await expect(restoreBackup(target.database, target.files, Readable.from([backup.subarray(0, Math.floor(backup.length * 0.6))]))).rejects.toThrow(
      /damaged or cut off/,
    );
    await nothingWritten();
    // Cut between two lines, after the files but before the end marker: a valid gzip stream.
    const lines = gunzipSync(backup).toString('utf8').trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^\{"f":/);
    const cut = gzipSync(lines.slice(0, -1).join('\n') + '\n');
    await expect(restoreBackup(target.database, target.files, Readable.from([cut]))).rejects.toThrow(/end marker is missing/);
    await nothingWritten();
    // A line lost in the middle.
    const lost = lines.findIndex((l) => l.startsWith('{"t":"audit_log"'));
    const gap = gzipSync([...lines.slice(0, lost), ...lines.slice(lost + 1)].join('\n') + '\n');
    await expect(restoreBackup(target.database, target.files, Readable.from([gap]))).rejects.toThrow(/backup is damaged: its end marker counts/);
    await nothingWritten();
    // Another schema version.
    const header = JSON.parse(lines[0]);
    header.migrations = header.migrations.slice(0, -1);
    const older = gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n') + '\n');
    await expect(restoreBackup(target.database, target.files, Readable.from([older]))).rejects.toThrow(/Restore with the Legato version that wrote the backup/);
    await expect(restoreBackup(target.database, target.files, Readable.from([gzipSync('hello\n')]))).rejects.toThrow(/not a Legato backup/);
    await nothingWritten();

    // The refusals left it usable: the whole file restores.
    await restoreBackup(target.database, target.files, Readable.from([backup]));
    expect(await tableCounts(target.database)).toEqual(await tableCounts(s.database));
  });

  it('lets an administrator download a backup, and nobody else', async () => {
    const admin = await s.as('administrator');
    const res = await fetch(`${s.url}/api/backup`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="legato-backup-\d{4}-\d{2}-\d{2}\.jsonl\.gz"$/);
    const summary = await inspectBackup(Readable.from([Buffer.from(await res.arrayBuffer())]));
    expect(summary.header.database).toBe(s.kind);
    expect(summary.files).toBe(1);
    const specialist = await s.as('specialist');
    expect((await specialist.get('/api/backup')).status).toBe(403);
    const forged = await fetch(`${s.url}/api/backup`, { headers: { 'x-legato-backup-token': 'guess' } });
    expect(forged.status).toBe(401);
    expect((await fs.readdir(s.app.ctx.config.dataDir)).filter((f) => f.startsWith('.backup-'))).toEqual([]); // its temporary file is gone
  });
});
