import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_DIR } from '../db/client.js';

/** Vitest global setup: one migrated PGlite data directory, dumped for every test file to start from. */
export default async function setup() {
  const journal = await fs.readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'));
  const hash = createHash('sha256').update(journal).digest('hex').slice(0, 12);
  const file = path.join(os.tmpdir(), `legato-pglite-template-${hash}.tar`);
  try {
    await fs.access(file);
  } catch {
    const db = await PGlite.create({ extensions: { pg_trgm } });
    await migrate(drizzle(db) as never, { migrationsFolder: MIGRATIONS_DIR });
    const dump = await db.dumpDataDir('none');
    await db.close();
    const tmp = `${file}.${process.pid}`;
    await fs.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(tmp, file);
  }
  process.env.LEGATO_PGLITE_TEMPLATE = file;
}
