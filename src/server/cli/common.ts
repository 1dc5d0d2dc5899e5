import { BackupError, type BackupSummary } from '../platform/backup/backup.service.js';
import { DataDirInUse } from '../platform/backup/control.js';

export function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The tables, their row counts and the files of a backup, one per line. */
export function formatSummary(summary: BackupSummary) {
  const names = Object.keys(summary.counts);
  const width = Math.max(...names.map((n) => n.length), 'files'.length) + 2;
  const lines = names.map((n) => `  ${n.padEnd(width)}${String(summary.counts[n]).padStart(9)} rows`);
  lines.push(`  ${'files'.padEnd(width)}${String(summary.files).padStart(9)}`);
  const last = summary.header.migrations.at(-1);
  lines.push(`  written ${summary.header.createdAt} from ${summary.header.database}, schema ${last?.tag ?? last?.hash ?? 'empty'}`);
  return lines.join('\n');
}

/** Ends the command with a sentence for the person at the terminal (a stack trace only for surprises). */
export function fail(err: unknown): never {
  if (err instanceof BackupError || err instanceof DataDirInUse) console.error(`\n${err.message}`);
  else console.error(err);
  process.exit(1);
}
