/**
 * Fresh databases for benchmarks: PGlite in a temporary directory, or a new database
 * `legato_bench_<random>` on a PostgreSQL server (BENCH_DATABASE_URL), dropped afterwards.
 *
 * Each is opened with the application's own openDatabase() (so it is migrated exactly as in
 * production); the Drizzle instance handed to the server is the same driver client wrapped with
 * a logger, so a benchmark can read the very SQL and parameters each request runs.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema.js';
import { deferCleanup } from './cleanup.js';

export type DbKind = 'pglite' | 'postgres';
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type Statement = { sql: string; params: unknown[] };

/** A Drizzle logger that records statements while recording is on. */
export class SqlCapture implements Logger {
  private buffer: Statement[] | null = null;
  logQuery(query: string, params: unknown[]): void {
    this.buffer?.push({ sql: query, params: [...params] });
  }
  start() {
    this.buffer = [];
  }
  stop(): Statement[] {
    const out = this.buffer ?? [];
    this.buffer = null;
    return out;
  }
}

export type BenchDatabase = {
  kind: DbKind;
  /** e.g. "PGlite 0.5.16 (PostgreSQL 18.6)" */
  label: string;
  /** The application's Database, with the logged Drizzle instance. */
  database: Database;
  capture: SqlCapture;
  /** A temporary directory for the server's files (and PGlite's data). */
  dataDir: string;
  /** Runs statements on one connection (as a transaction when asked), timing each. */
  runOnOneConnection: (fn: (query: Database['query']) => Promise<void>) => Promise<void>;
  sizeBytes: () => Promise<number>;
  close: () => Promise<void>;
};

const pgliteVersion = async () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const pkg = JSON.parse(await fs.readFile(path.resolve(here, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  return String(pkg.version);
};

const DIR_PREFIX = 'legato-bench-';

/**
 * Removes temporary directories of benchmark runs that were killed outright (SIGKILL: tsx kills
 * its child when Ctrl-C finds the event loop busy in a long PGlite query). Each directory names
 * the process that made it; only those of processes no longer running are removed.
 */
async function sweepStaleDirs() {
  for (const name of await fs.readdir(os.tmpdir()).catch(() => [] as string[])) {
    const pid = Number(new RegExp(`^${DIR_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') await fs.rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
}

export async function openBenchDatabase(kind: DbKind): Promise<BenchDatabase> {
  await sweepStaleDirs();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-`));
  const removeDir = deferCleanup(`remove ${dataDir}`, () => fs.rm(dataDir, { recursive: true, force: true }));
  let dropDatabase: (() => Promise<void>) | null = null;
  let base: Database | null = null;
  try {
    let url: string | undefined;
    if (kind === 'postgres') {
      const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
      const name = `legato_bench_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        // The name is generated here (hex), never taken from input.
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      dropDatabase = deferCleanup(`drop database ${name}`, async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await c.end();
        }
      });
      const u = new URL(serverUrl);
      u.pathname = `/${name}`;
      url = u.toString();
    }
    const opened = await openDatabase(url ? { url } : { dir: path.join(dataDir, 'db') });
    base = opened;
    const closeBase = deferCleanup(`close ${kind}`, () => opened.close());
    const capture = new SqlCapture();
    const client = (opened.db as unknown as { $client: PGlite | pg.Pool }).$client;
    const db = (
      kind === 'pglite' ? drizzlePglite(client as PGlite, { schema, logger: capture }) : drizzlePg(client as pg.Pool, { schema, logger: capture })
    ) as unknown as Db;
    const database: Database = { ...opened, db };
    const [{ server_version: serverVersion }] = (await opened.query<{ server_version: string }>('SHOW server_version')).rows;
    const label = kind === 'pglite' ? `PGlite ${await pgliteVersion()} (PostgreSQL ${serverVersion})` : `PostgreSQL ${serverVersion.split(' ')[0]}`;

    const runOnOneConnection: BenchDatabase['runOnOneConnection'] =
      kind === 'pglite'
        ? (fn) => fn(opened.query) // PGlite is one connection
        : async (fn) => {
            const conn = await (client as pg.Pool).connect();
            try {
              await fn((async (text: string, values?: unknown[]) => conn.query(text, values as unknown[])) as Database['query']);
            } finally {
              conn.release();
            }
          };

    return {
      kind,
      label,
      database,
      capture,
      dataDir,
      runOnOneConnection,
      sizeBytes: async () => {
        const { rows } = await opened.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n');
        return Number(rows[0].n);
      },
      close: async () => {
        try {
          await closeBase();
          if (dropDatabase) await dropDatabase();
        } finally {
          await removeDir();
        }
      },
    };
  } catch (err) {
    if (base) await base.close().catch(() => {});
    if (dropDatabase) await dropDatabase().catch(() => {});
    await removeDir();
    throw err;
  }
}
