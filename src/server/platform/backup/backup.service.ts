import type { Readable, Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { FileStore } from '../files.js';
import { isFileKey } from '../files.js';
import { appTables, type AppTable } from './backup.tables.js';
import {
  BackupError,
  FORMAT,
  FORMAT_VERSION,
  appliedMigrations,
  checkMigrations,
  lineWriter,
  parseHeader,
  readLines,
  type BackupHeader,
  type BackupSummary,
  type BackupTrailer,
} from './backup.format.js';

export { BackupError, type BackupSummary } from './backup.format.js';

/*
 * Logical backups: every row of every table of the app and every stored file, in one format
 * that restores into PGlite or PostgreSQL alike (which is also how an office moves from the
 * embedded database to a PostgreSQL server).
 *
 * Not in the backup: pg-boss's schema (the job queue: pending housekeeping runs and schedules,
 * which pg-boss creates and schedules again at start, in a layout owned by the installed
 * pg-boss version) and drizzle's migrations table (the target gets its own by migrating; the
 * header carries the list so both sides can be compared).
 */

const rowsOf = async <T>(ex: Executor, query: SQL) => ((await ex.execute(query)) as unknown as { rows: T[] }).rows;

export type BackupOptions = { batchSize?: number };

/**
 * Writes a backup of the database and the file store to `out` (gzip'd JSON lines).
 *
 * All tables are read in one REPEATABLE READ, READ ONLY transaction: one snapshot, consistent
 * across tables while the app goes on writing. Rows are read in primary-key order, a batch at a
 * time, so memory stays flat however large the database is. On PGlite (one connection) the
 * app's queries wait until the rows are read; the caller should write to a local file, not a
 * slow client. Files are read after the snapshot: they are written before the rows that name
 * them and never removed, so every file a backed-up row refers to is there.
 */
export async function writeBackup(database: Database, files: FileStore, out: Writable, opts: BackupOptions = {}): Promise<BackupSummary> {
  const batchSize = opts.batchSize ?? 1000;
  const tables = appTables();
  const writer = lineWriter(out);
  try {
    const { header, counts } = await database.db.transaction(
      async (tx) => {
        // Timestamps as UTC ISO strings, whatever the server's time zone.
        await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
        const header: BackupHeader = {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          database: database.kind,
          migrations: await appliedMigrations(tx),
        };
        await writer.write(JSON.stringify(header) + '\n');
        const counts: Record<string, number> = {};
        for (const table of tables) counts[table.name] = await writeTable(tx, table, batchSize, writer.write);
        return { header, counts };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    let fileCount = 0;
    for await (const key of files.keys()) {
      const data = await files.get(key);
      await writer.write(JSON.stringify({ f: key, data: data.toString('base64') }) + '\n');
      fileCount += 1;
    }
    const trailer: BackupTrailer = { end: true, counts, files: fileCount };
    await writer.write(JSON.stringify(trailer) + '\n');
    await writer.end();
    return { header, counts, files: fileCount };
  } catch (err) {
    writer.abort(err as Error);
    throw err;
  }
}

async function writeTable(tx: Executor, table: AppTable, batchSize: number, write: (text: string) => Promise<void>): Promise<number> {
  const keys = sql.join(
    table.primaryKey.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const keyTexts = sql.join(
    table.primaryKey.map((c, i) => sql`x.${sql.identifier(c)}::text AS ${sql.identifier(`k${i}`)}`),
    sql`, `,
  );
  const prefix = `{"t":${JSON.stringify(table.name)},"r":`;
  let last: string[] | null = null;
  let count = 0;
  for (;;) {
    // Keyset paging: each batch starts after the last key of the one before.
    const after: SQL = last ? sql`WHERE (${keys}) > (${sql.join(last.map((v) => sql`${v}`), sql`, `)})` : sql``;
    const rows: Record<string, string>[] = await rowsOf<Record<string, string>>(
      tx,
      sql`SELECT row_to_json(x)::text AS r, ${keyTexts} FROM ${table.ref} x ${after} ORDER BY ${keys} LIMIT ${batchSize}`,
    );
    if (!rows.length) return count;
    await write(rows.map((row) => `${prefix}${row.r}}\n`).join(''));
    count += rows.length;
    const lastRow: Record<string, string> = rows.at(-1)!;
    last = table.primaryKey.map((_, i) => lastRow[`k${i}`]);
    if (rows.length < batchSize) return count;
  }
}

/** Row counts of the app's tables that have rows (an empty result means an empty database). */
export async function nonEmptyTables(ex: Executor): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of appTables()) {
    const [{ n }] = await rowsOf<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM ${table.ref}`);
    if (Number(n) > 0) out[table.name] = Number(n);
  }
  return out;
}

/**
 * Restores a backup into an empty, freshly migrated database and its file store, all or
 * nothing: rows go in through one transaction (parents before children, batch by batch), and
 * files written before a failure are removed again. Refuses a database that has rows, a backup
 * of another schema version, and a file that is damaged or cut off.
 */
export async function restoreBackup(database: Database, files: FileStore, input: Readable, opts: BackupOptions = {}): Promise<BackupSummary> {
  const batchSize = opts.batchSize ?? 500;
  const tables = new Map(appTables().map((t) => [t.name, t]));
  const existingFiles = new Set<string>();
  for await (const key of files.keys()) existingFiles.add(key);
  const written: string[] = [];
  const lines = readLines(input);
  try {
    return await database.db.transaction(async (tx) => {
      const header = parseHeader((await lines.next()).value ?? undefined);
      checkMigrations(header.migrations, await appliedMigrations(tx));
      const present = await nonEmptyTables(tx);
      if (Object.keys(present).length) {
        const list = Object.entries(present).map(([t, n]) => `${t}: ${n}`).join(', ');
        throw new BackupError(`The target database is not empty (${list}). Restore only into an empty database: a new data directory, or a newly created PostgreSQL database.`);
      }

      const counts: Record<string, number> = {};
      type Batch = { table: AppTable; rows: unknown[]; bytes: number };
      let batch = null as Batch | null;
      const flush = async () => {
        if (!batch?.rows.length) return;
        const json = JSON.stringify(batch.rows);
        const ref = batch.table.ref;
        // The row type of the table turns each JSON object back into typed columns: timestamps,
        // arrays, jsonb, uuids, bigint ids, exactly as they were.
        await tx.execute(sql`INSERT INTO ${ref} SELECT * FROM jsonb_populate_recordset(NULL::${ref}, ${json}::text::jsonb)`);
        batch.rows = [];
        batch.bytes = 0;
      };

      let fileCount = 0;
      let trailer: BackupTrailer | null = null;
      let lineNo = 1;
      for await (const line of lines) {
        lineNo += 1;
        if (trailer) throw new BackupError(`The backup has data after its end marker (line ${lineNo}): it is damaged.`);
        let item: { t?: string; r?: unknown; f?: string; data?: string; end?: boolean; counts?: Record<string, number>; files?: number };
        try {
          item = JSON.parse(line);
        } catch {
          throw new BackupError(`Line ${lineNo} of the backup is damaged (not JSON). Nothing was restored.`);
        }
        if (item.t !== undefined) {
          const table = tables.get(item.t);
          if (!table) throw new BackupError(`The backup has rows of a table this Legato does not know: ${item.t}.`);
          if (batch?.table !== table) {
            await flush();
            batch = { table, rows: [], bytes: 0 };
          }
          batch.rows.push(item.r);
          batch.bytes += line.length;
          counts[table.name] = (counts[table.name] ?? 0) + 1;
          if (batch.rows.length >= batchSize || batch.bytes > 4_000_000) await flush();
        } else if (item.f !== undefined) {
          await flush();
          if (!isFileKey(item.f) || typeof item.data !== 'string') throw new BackupError(`Line ${lineNo} of the backup names a file badly: ${item.f}.`);
          await files.putAt(item.f, Buffer.from(item.data, 'base64'));
          if (!existingFiles.has(item.f)) written.push(item.f);
          fileCount += 1;
        } else if (item.end === true) {
          await flush();
          trailer = item as BackupTrailer;
        } else {
          throw new BackupError(`Line ${lineNo} of the backup is not a row, a file or the end marker.`);
        }
      }
      if (!trailer) throw new BackupError('The backup file is cut off: its end marker is missing. Nothing was restored.');
      for (const name of new Set([...Object.keys(trailer.counts), ...Object.keys(counts)])) {
        if ((trailer.counts[name] ?? 0) !== (counts[name] ?? 0)) {
          throw new BackupError(`The backup is damaged: its end marker counts ${trailer.counts[name] ?? 0} rows of ${name}, the file holds ${counts[name] ?? 0}.`);
        }
      }
      if (trailer.files !== fileCount) throw new BackupError(`The backup is damaged: its end marker counts ${trailer.files} files, the file holds ${fileCount}.`);

      await resetSequences(tx, [...tables.values()]);
      for (const name of tables.keys()) counts[name] ??= 0;
      return { header, counts, files: fileCount };
    });
  } catch (err) {
    for (const key of written) await files.remove(key).catch(() => {});
    throw err;
  } finally {
    await lines.return(undefined);
  }
}

/** Serial and identity columns continue after the largest restored value (audit_log.id). */
async function resetSequences(tx: Executor, tables: AppTable[]) {
  for (const table of tables) {
    const qualified = table.name.split('.').map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
    const serials = await rowsOf<{ col: string; seq: string }>(
      tx,
      sql`SELECT a.attname AS col, pg_get_serial_sequence(${qualified}, a.attname) AS seq
          FROM pg_attribute a WHERE a.attrelid = ${qualified}::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    for (const { col, seq } of serials) {
      if (!seq) continue;
      await tx.execute(sql`SELECT setval(${seq}, COALESCE(MAX(${sql.identifier(col)}), 0) + 1, false) FROM ${table.ref}`);
    }
  }
}

/** Reads a whole backup without restoring it: checks it end to end and answers what it holds. */
export async function inspectBackup(input: Readable): Promise<BackupSummary> {
  const lines = readLines(input);
  const header = parseHeader((await lines.next()).value ?? undefined);
  const counts: Record<string, number> = {};
  let files = 0;
  let trailer: BackupTrailer | null = null;
  for await (const line of lines) {
    if (trailer) throw new BackupError('The backup has data after its end marker: it is damaged.');
    if (line.startsWith('{"t":')) {
      const t = JSON.parse(line.slice(5, line.indexOf(',"r":'))) as string;
      counts[t] = (counts[t] ?? 0) + 1;
    } else if (line.startsWith('{"f":')) files += 1;
    else {
      const item = (() => {
        try {
          return JSON.parse(line) as Partial<BackupTrailer>;
        } catch {
          return null;
        }
      })();
      if (item?.end !== true) throw new BackupError('The backup has a damaged line: it is not a row, a file or the end marker.');
      trailer = item as BackupTrailer;
    }
  }
  if (!trailer?.end) throw new BackupError('The backup file is cut off: its end marker is missing.');
  for (const name of Object.keys(trailer.counts)) {
    if ((trailer.counts[name] ?? 0) !== (counts[name] ?? 0)) throw new BackupError(`The backup is damaged: ${name} should have ${trailer.counts[name]} rows, it has ${counts[name] ?? 0}.`);
  }
  if (trailer.files !== files) throw new BackupError(`The backup is damaged: it should hold ${trailer.files} files, it holds ${files}.`);
  return { header, counts: trailer.counts, files };
}
