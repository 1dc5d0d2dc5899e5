import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/*
 * PGlite holds its data directory in one process, and nothing stops a second process from
 * opening it too (which would corrupt it). So whoever opens LEGATO_DATA_DIR/db first claims
 * the directory in LEGATO_DATA_DIR/.control (created exclusively, mode 0600): its pid, what it
 * is (the app, a backup, a restore), and for the app its local URL and a random token.
 * `npm run backup` reads it and asks the running app for the backup, with the token in the
 * x-legato-backup-token header. Whoever can read the data directory could copy the database
 * anyway, so the token gives no one more than they had. A file left by a killed process is
 * recognised by its dead pid and taken over.
 */
export const CONTROL_FILE = '.control';
export const BACKUP_TOKEN_HEADER = 'x-legato-backup-token';

export type Holder = 'app' | 'backup' | 'restore';
export type ControlInfo = { pid: number; holder: Holder; url: string | null; token: string; startedAt: string };

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly info: ControlInfo,
  ) {
    const what = info.holder === 'app' ? `Legato${info.url ? ` at ${info.url}` : ' (starting)'}` : `npm run ${info.holder}`;
    super(
      `The embedded database in ${dataDir} is in use by ${what}, pid ${info.pid}: two processes must not open it at once. ` +
        `(If no such process is running, remove ${path.join(dataDir, CONTROL_FILE)}.)`,
    );
  }
}

async function readControl(dataDir: string): Promise<ControlInfo | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(dataDir, CONTROL_FILE), 'utf8')) as ControlInfo;
  } catch {
    return null;
  }
}

/** Is `pid` a live Node process? (On Linux a reused pid of another program is told apart.) */
async function alive(pid: number) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  return cmdline === null || /node|tsx/.test(cmdline);
}

/** The live process that holds this data directory's embedded database, if any. */
export async function dataDirHolder(dataDir: string): Promise<ControlInfo | null> {
  const info = await readControl(dataDir);
  if (!info || !Number.isInteger(info.pid)) return null;
  // Our own pid in the file is a previous run's (a restarted container reuses pids), unless
  // this process claimed the directory itself.
  if (info.pid === process.pid) return claimedHere.has(path.resolve(dataDir)) ? info : null;
  return (await alive(info.pid)) ? info : null;
}

const claimedHere = new Set<string>();

/**
 * Claims the data directory before its embedded database is opened (so there is no moment when
 * it is open unannounced); throws DataDirInUse when a live process holds it.
 */
export async function claimDataDir(dataDir: string, holder: Holder) {
  const file = path.join(dataDir, CONTROL_FILE);
  await fs.mkdir(dataDir, { recursive: true });
  const info: ControlInfo = { pid: process.pid, holder, url: null, token: randomBytes(32).toString('base64url'), startedAt: new Date().toISOString() };
  // Written aside, then linked into place: the file appears whole or not at all, and only once.
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(info), { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.link(tmp, file);
        claimedHere.add(path.resolve(dataDir));
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw err;
        const current = await dataDirHolder(dataDir);
        if (current) throw new DataDirInUse(dataDir, current);
        await fs.rm(file, { force: true }); // left by a process that no longer runs
      }
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
  return {
    token: info.token,
    /** Publishes where the app listens, for `npm run backup`. */
    async listening(address: AddressInfo | string | null) {
      if (!address || typeof address === 'string') return;
      info.url = `http://${localHost(address)}:${address.port}`;
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(info), { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    /** Gives the directory up, unless another process has claimed it since. */
    async release() {
      const current = await readControl(dataDir);
      if (current?.token === info.token) {
        await fs.rm(file, { force: true });
        claimedHere.delete(path.resolve(dataDir));
      }
    },
  };
}

const localHost = (a: AddressInfo) => {
  if (a.address === '0.0.0.0' || a.address === '::') return a.family === 'IPv6' ? '[::1]' : '127.0.0.1';
  return a.family === 'IPv6' ? `[${a.address}]` : a.address;
};

/** Waits while the app holding the directory starts, until it listens. */
export async function waitForListening(dataDir: string, timeoutMs = 60_000): Promise<ControlInfo | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await dataDirHolder(dataDir);
    if (!info || info.holder !== 'app' || info.url || Date.now() > deadline) return info;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function tokenMatches(sent: unknown, token: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
