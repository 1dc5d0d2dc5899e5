import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline as pipelineCb, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, type Executor } from '../../db/client.js';

/**
 * The backup file: gzip'd JSON lines, independent of the database it came from.
 *   {"format":"legato-backup","formatVersion":1,"createdAt":…,"database":"pglite","migrations":[…]}
 *   {"t":"organizations","r":{…one row, as PostgreSQL's row_to_json renders it…}}   (every row)
 *   {"f":"ab/ab12….xlsx","data":"<base64>"}                                      (every stored file)
 *   {"end":true,"counts":{"organizations":12,…},"files":1}
 * The last line makes a cut-off file detectable even when the cut falls between two lines.
 */
export const FORMAT = 'legato-backup';
export const FORMAT_VERSION = 1;

export type Migration = { tag: string | null; hash: string };
export type BackupHeader = {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migrations: Migration[];
};
export type BackupTrailer = { end: true; counts: Record<string, number>; files: number };
export type BackupSummary = { header: BackupHeader; counts: Record<string, number>; files: number };

/** What restore and the command-line tools tell a person: no stack trace, a clear sentence. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** The migrations applied to a database, oldest first, named by their drizzle-kit tag. */
export async function appliedMigrations(ex: Executor): Promise<Migration[]> {
  const result = (await ex.execute(
    sql`SELECT hash, created_at::text AS created FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  )) as unknown as { rows: { hash: string; created: string }[] };
  const tags = journalTags();
  return result.rows.map((r) => ({ tag: tags.get(r.created) ?? null, hash: r.hash }));
}

function journalTags(): Map<string, string> {
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
    return new Map(journal.entries.map((e) => [String(e.when), e.tag]));
  } catch {
    return new Map();
  }
}

/** A gzip stream of lines into `out`, honouring back-pressure. */
export function lineWriter(out: Writable) {
  const gzip = createGzip();
  const done = pipeline(gzip, out);
  done.catch(() => {}); // awaited in end(); a failure also surfaces through write()
  return {
    async write(text: string) {
      if (gzip.destroyed) await done;
      if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), done]);
    },
    async end() {
      gzip.end();
      await done;
    },
    abort(err: Error) {
      gzip.destroy(err);
    },
  };
}

/** The lines of a gzip'd backup; a damaged or cut-off gzip stream ends in a BackupError. */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const gunzip = pipelineCb(input, createGunzip({ chunkSize: 64 * 1024 }), () => {});
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  try {
    for await (const chunk of gunzip) {
      const text = decoder.write(chunk as Buffer);
      let start = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        pending.push(text.slice(start, i));
        yield pending.join('');
        pending = [];
        start = i + 1;
      }
      if (start < text.length) pending.push(text.slice(start));
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code?.startsWith('Z_') || e.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new BackupError(`The backup file is damaged or cut off (${e.message}). Nothing was restored.`);
    }
    throw err;
  } finally {
    gunzip.destroy();
  }
  const last = pending.join('') + decoder.end();
  if (last) yield last;
}

export function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | null = null;
  try {
    header = line ? JSON.parse(line) : null;
  } catch {
    // falls through to the message below
  }
  if (!header || header.format !== FORMAT) throw new BackupError('This is not a Legato backup (it has no legato-backup header).');
  if (header.formatVersion !== FORMAT_VERSION) {
    throw new BackupError(`This backup has format version ${header.formatVersion}; this Legato reads version ${FORMAT_VERSION}. Use the Legato version that wrote it.`);
  }
  return header as BackupHeader;
}

const describe = (m: Migration[]) => (m.length ? `${m.length} migrations, the last ${m.at(-1)!.tag ?? m.at(-1)!.hash.slice(0, 12)}` : 'no migrations');

/** Restoring needs the same tables on both sides: the same migrations, in the same order. */
export function checkMigrations(backup: Migration[], target: Migration[]) {
  const same = backup.length === target.length && backup.every((m, i) => m.hash === target[i].hash);
  if (same) return;
  throw new BackupError(
    `The backup was written by a Legato whose database has ${describe(backup)}, but this Legato's database has ${describe(target)}. ` +
      'Restore with the Legato version that wrote the backup (then upgrade: migrations run at start).',
  );
}
