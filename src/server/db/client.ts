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
  close: () => Promise<void>;
};

export type DatabaseOptions = { url?: string; dir?: string; memory?: boolean };

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dir`, and migrates it. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
    return {
      db,
      kind: 'postgres',
      query: async (text, values) => pool.query(text, values as unknown[]) as never,
      close: () => pool.end(),
    };
  }
  let dataDir: string | undefined;
  if (!opts.memory) {
    if (!opts.dir) throw new Error('openDatabase: a directory or a URL is required');
    await fs.mkdir(opts.dir, { recursive: true });
    dataDir = opts.dir;
  }
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    kind: 'pglite',
    // Without parameters, exec() also runs several statements at once (pg-boss migrations do).
    query: async (text, values) =>
      (values?.length ? client.query(text, values as unknown[]) : client.exec(text).then((r) => r.at(-1) ?? { rows: [] })) as never,
    close: () => client.close(),
  };
}
