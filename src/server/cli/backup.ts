// `npm run backup -- [FILE]`: writes a consistent backup of the database and the file store,
// also while Legato runs. See README "Backups".
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { localFileStore } from '../platform/files.js';
import { BackupError, inspectBackup, writeBackup } from '../platform/backup/backup.service.js';
import { BACKUP_TOKEN_HEADER, claimDataDir, waitForListening } from '../platform/backup/control.js';
import { fail, formatSize, formatSummary } from './common.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.includes('--help') || args.includes('-h') || args.length > 1) {
  console.log('Usage: npm run backup -- [FILE]   (default: backup-<time>.jsonl.gz in the current directory)');
  process.exit(args.length > 1 ? 2 : 0);
}

const config = loadConfig(process.env, []);
const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
const target = path.resolve(args[0] ?? `backup-${stamp}.jsonl.gz`);
const part = `${target}.part`;

/** Writes the backup to `part`, and says where it came from. */
async function backUp(): Promise<string> {
  const files = localFileStore(config.filesDir);
  if (config.databaseUrl) {
    // A snapshot transaction on the server: consistent while app instances keep writing.
    const database = await openDatabase({ url: config.databaseUrl, migrate: false });
    try {
      await writeBackup(database, files, fs.createWriteStream(part));
    } finally {
      await database.close();
    }
    return `from PostgreSQL (${new URL(config.databaseUrl).pathname.slice(1)})`;
  }

  const app = await waitForListening(config.dataDir);
  if (app?.holder === 'app' && app.url) {
    // The running app holds the embedded database: it writes the backup for us.
    const res = await fetch(`${app.url}/api/backup`, { headers: { [BACKUP_TOKEN_HEADER]: app.token } }).catch((err: Error) => {
      throw new BackupError(`Legato (pid ${app.pid}) holds ${config.dataDir} but does not answer at ${app.url}: ${err.message}`);
    });
    if (!res.ok || !res.body) {
      const problem = (await res.json().catch(() => ({}))) as { detail?: string };
      throw new BackupError(`The running Legato refused the backup: ${res.status} ${problem.detail ?? res.statusText}`);
    }
    await pipeline(Readable.fromWeb(res.body as never), fs.createWriteStream(part));
    return `through the running app at ${app.url}`;
  }

  if (!fs.existsSync(path.join(config.dbDir, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${config.dbDir} (set LEGATO_DATA_DIR, or DATABASE_URL for PostgreSQL).`);
  }
  const claim = await claimDataDir(config.dataDir, 'backup'); // throws while another process holds it
  try {
    const database = await openDatabase({ dir: config.dbDir, migrate: false });
    try {
      await writeBackup(database, files, fs.createWriteStream(part));
    } finally {
      await database.close();
    }
  } finally {
    await claim.release();
  }
  return `from the embedded database in ${config.dbDir} (Legato is not running)`;
}

try {
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists: name another file.`);
  const source = await backUp();
  // Read back end to end before it gets its final name: a file named like a backup is whole.
  const summary = await inspectBackup(fs.createReadStream(part));
  await fsp.rename(part, target);
  const { size } = await fsp.stat(target);
  console.log(`Backup written ${source}:\n${target} (${formatSize(size)})\n${formatSummary(summary)}`);
} catch (err) {
  await fsp.rm(part, { force: true });
  fail(err);
}
