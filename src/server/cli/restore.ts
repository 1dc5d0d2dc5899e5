// `npm run restore -- FILE`: restores a backup into the configured database, which must be
// empty (a new LEGATO_DATA_DIR, or a newly created PostgreSQL database with DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { localFileStore } from '../platform/files.js';
import { BackupError, restoreBackup } from '../platform/backup/backup.service.js';
import { claimDataDir } from '../platform/backup/control.js';
import { fail, formatSize, formatSummary } from './common.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
  console.log('Usage: npm run restore -- FILE   (into an empty database: a new LEGATO_DATA_DIR, or DATABASE_URL of a new PostgreSQL database)');
  process.exit(args.length === 1 ? 0 : 2);
}

const config = loadConfig(process.env, []);
const file = path.resolve(args[0]);

try {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  // On the embedded database, no app may hold the directory while we write into it.
  const claim = config.databaseUrl ? null : await claimDataDir(config.dataDir, 'restore');
  let database: Database | null = null;
  try {
    database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dir: config.dbDir });
    const summary = await restoreBackup(database, localFileStore(config.filesDir), fs.createReadStream(file));
    const into = config.databaseUrl ? `PostgreSQL (${new URL(config.databaseUrl).pathname.slice(1)})` : config.dbDir;
    console.log(`Restored ${file} (${formatSize(fs.statSync(file).size)}) into ${into}, files into ${config.filesDir}:\n${formatSummary(summary)}`);
  } finally {
    await database?.close();
    await claim?.release();
  }
} catch (err) {
  fail(err);
}
