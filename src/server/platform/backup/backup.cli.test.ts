import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { Client, createTestDatabase } from '../../test/harness.js';
import { inspectBackup } from './backup.service.js';
import { CONTROL_FILE } from './control.js';

// `npm run backup` and `npm run restore` as an operator runs them: separate processes, the
// embedded database on disk, once while Legato runs and once while it does not.

const ROOT = process.cwd();
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const ADMIN = { email: 'admin@backup.legato.local', password: 'admin-backup-pass' };
const children: ChildProcess[] = [];
let tmp: string;
let viaApp: string; // the backup the first test takes through the running app
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const c of cleanups) await c();
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

function baseEnv(dataDir: string, extra: Record<string, string> = {}) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LEGATO_DATA_DIR: dataDir, LEGATO_JOBS: '0', LOG_LEVEL: 'warn', ...extra };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return env;
}

function run(script: string, args: string[], env: Record<string, string>, cwd = ROOT) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, script), ...args], { env, cwd });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/**
 * An empty, migrated embedded database in `dataDir`, from the migrated template the test run
 * dumps once (global-setup.ts): PGlite's initdb on a new directory costs tens of seconds on a
 * busy machine, loading the template a few. Without the template, the directory stays new.
 */
async function emptyDataDir(dataDir: string) {
  const template = process.env.LEGATO_PGLITE_TEMPLATE;
  if (!template || !fs.existsSync(template)) return;
  const database = await openDatabase({ dir: path.join(dataDir, 'db'), loadDataDir: new Blob([await fsp.readFile(template)]) });
  await database.close();
}

/** Starts `node --import tsx src/server/main.ts` and waits until it announces its URL in .control. */
async function startApp(dataDir: string, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'src/server/main.ts')], {
    env: baseEnv(dataDir, { PORT: '0', HOST: '127.0.0.1', ...extra }),
    cwd: ROOT,
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`the app did not start: ${out}`);
    const control = await fsp.readFile(path.join(dataDir, CONTROL_FILE), 'utf8').then(JSON.parse, () => null);
    if (control?.url) {
      const stop = async () => {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      };
      return { url: control.url as string, stop };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm run backup / npm run restore', () => {
  it('backs up through the running app, restores into a new directory, backs up a directory not in use, and the restored copy starts', { timeout: 240_000 }, async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'legato-cli-'));
    const dirA = path.join(tmp, 'a');
    const dirB = path.join(tmp, 'b');

    // A running app with a little data and an uploaded file; B is prepared meanwhile.
    await emptyDataDir(dirA);
    const starting = startApp(dirA, { LEGATO_ADMIN_EMAIL: ADMIN.email, LEGATO_ADMIN_PASSWORD: ADMIN.password });
    await emptyDataDir(dirB);
    const a = await starting;
    expect(fs.statSync(path.join(dirA, CONTROL_FILE)).mode & 0o777).toBe(0o600);
    const admin = new Client(a.url);
    await admin.login(ADMIN.email, ADMIN.password);
    expect((await admin.post('/api/organizations', { kind: 'partner_city', name: { original: 'ka', values: { ka: 'ზუგდიდი' } } })).status).toBe(201);
    const form = new FormData();
    form.append('target', 'people');
    form.append('file', new Blob(['Name\r\nМартин Тонев\r\n']), 'people.csv');
    expect((await admin.post('/api/imports', form)).status).toBe(201);

    viaApp = path.join(tmp, 'via-app.jsonl.gz');
    const backup = await run('src/server/cli/backup.ts', ['--', viaApp], baseEnv(dirA));
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/through the running app at http:\/\/127\.0\.0\.1:\d+/);
    expect(backup.out).toMatch(/organizations\s+1 rows/);
    expect(backup.out).toMatch(/files\s+1\n/);

    // Side by side, to save time: the restore into the new directory B, and, once the app has
    // stopped, a backup of A, which nobody holds any more: it opens the database itself and
    // names the file by default in the current directory.
    const restoring = run('src/server/cli/restore.ts', [viaApp], baseEnv(dirB));
    await a.stop();
    expect(fs.existsSync(path.join(dirA, CONTROL_FILE))).toBe(false);
    const direct = await run('src/server/cli/backup.ts', [], baseEnv(dirA), tmp);
    expect(direct.code, direct.out).toBe(0);
    expect(direct.out).toMatch(/from the embedded database in .*\(Legato is not running\)/);
    const [defaultName] = fs.readdirSync(tmp).filter((f) => f.startsWith('backup-'));
    expect(defaultName).toMatch(/^backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.jsonl\.gz$/);
    const [first, second] = await Promise.all([inspectBackup(fs.createReadStream(viaApp)), inspectBackup(fs.createReadStream(path.join(tmp, defaultName)))]);
    expect(second.counts).toEqual(first.counts);
    expect(second.files).toBe(1);

    const restore = await restoring;
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/Restored .*via-app\.jsonl\.gz/);
    expect(fs.readdirSync(path.join(dirB, 'files'))).toHaveLength(1);

    // The restored copy starts, and the administrator signs in with the old password.
    const b = await startApp(dirB);
    const again = new Client(b.url);
    await again.login(ADMIN.email, ADMIN.password);
    expect((await again.get('/api/organizations')).body.total).toBe(1);
    expect((await again.get('/api/health')).body).toEqual({ status: 'ok', database: 'pglite' });
    await b.stop();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('moves the embedded database to a new PostgreSQL database with DATABASE_URL=… npm run restore (needs TEST_DATABASE_URL)', { timeout: 120_000 }, async () => {
    const target = await createTestDatabase('postgres');
    await target.database.close();
    cleanups.push(target.drop);
    const env = { ...baseEnv(path.join(tmp, 'pg')), DATABASE_URL: target.url! };
    const restore = await run('src/server/cli/restore.ts', ['--', viaApp], env);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/into PostgreSQL \(legato_test_/);
    const again = await run('src/server/cli/restore.ts', [viaApp], env);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/The target database is not empty/);
    const fromPg = path.join(tmp, 'from-postgres.jsonl.gz');
    const backup = await run('src/server/cli/backup.ts', [fromPg], env);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/from PostgreSQL/);
    const [first, second] = await Promise.all([inspectBackup(fs.createReadStream(viaApp)), inspectBackup(fs.createReadStream(fromPg))]);
    expect(second.counts).toEqual(first.counts);
    expect(second.files).toBe(1);
    expect(second.header.database).toBe('postgres');
  });
});
