import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw parameterised SQL, for pg-boss, benchmarks and backups. */
  query: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<{ rows: T[] }>;
  /**
   * Runs `fn` while holding the lock `key` for every process on this database (a PostgreSQL
   * advisory lock: instances that start together take turns). PGlite lives in one process.
   */
  exclusive: <T>(key: string, fn: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/**
 * `migrate: false` opens the database as it is (a backup reads what is there, and changes nothing).
 * `loadDataDir`: start an embedded database from a dump of another (PGlite's dumpDataDir).
 */
export type DatabaseOptions = { url?: string; dir?: string; memory?: boolean; migrate?: boolean; loadDataDir?: Blob };

async function withAdvisoryLock<T>(pool: pg.Pool, key: string, fn: () => Promise<T>): Promise<T> {
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    return await fn();
  } finally {
    lock.release(true); // closing the connection releases the lock
  }
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dir`, and migrates it. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection the server drops (restart, failover, pg_terminate_backend) is reported
    // here; unheard, the event would crash the process. The pool opens a new one when needed.
    pool.on('error', (err) => console.error('[database] idle connection lost:', err.message));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const exclusive = <T>(key: string, fn: () => Promise<T>) => withAdvisoryLock(pool, key, fn);
    try {
      // Two drizzle migrations at once both create the same objects: one instance would fail to start.
      if (opts.migrate !== false) await exclusive('legato:migrations', () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR }));
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
    return {
      db,
      kind: 'postgres',
      query: async (text, values) => pool.query(text, values as unknown[]) as never,
      exclusive,
      close: () => pool.end(),
    };
  }
  let dataDir: string | undefined;
  if (!opts.memory) {
    if (!opts.dir) throw new Error('openDatabase: a directory or a URL is required');
    await fs.mkdir(opts.dir, { recursive: true });
    dataDir = opts.dir;
  }
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (opts.migrate !== false) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    kind: 'pglite',
    // Without parameters, exec() also runs several statements at once (pg-boss migrations do).
    query: async (text, values) =>
      (values?.length ? client.query(text, values as unknown[]) : client.exec(text).then((r) => r.at(-1) ?? { rows: [] })) as never,
    exclusive: (_key, fn) => fn(),
    close: () => client.close(),
  };
}
