import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Client, Res } from '../test/harness.js';

/**
 * The real server as a child process (`node --import tsx src/server/main.ts`), so that a test
 * can kill it the way an operating system or a container runtime would, and fresh PostgreSQL
 * databases for tests that start their own servers.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const ADMIN = { email: 'admin@reliability.legato.local', password: 'reliability-admin-pass' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type ChildServer = {
  url: string;
  pid: number;
  /** The last lines the process wrote (for failure messages). */
  output: () => string;
  kill: () => Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after `ms`. */
  stop: (ms?: number) => Promise<void>;
};

const running = new Set<ChildServer>();

/** Kills every child server still running; for afterAll, whatever happened before. */
export async function killAllChildServers(): Promise<void> {
  await Promise.all([...running].map((c) => c.kill()));
}

/**
 * Starts the server with only the variables given (plus PATH and HOME: nothing from the test
 * runner's environment, such as a DATABASE_URL, leaks in) and waits for GET /api/health.
 */
export async function startChildServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      TMPDIR: process.env.TMPDIR ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LEGATO_ADMIN_EMAIL: ADMIN.email,
      LEGATO_ADMIN_PASSWORD: ADMIN.password,
      LEGATO_LOGIN_LIMIT: '1000',
      LEGATO_WRITE_LIMIT: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exitCode: number | string | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal;
      resolve();
    });
  });
  const server: ChildServer = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    async kill() {
      if (exitCode === undefined) child.kill('SIGKILL');
      await exited;
      running.delete(server);
    },
    async stop(ms = 15_000) {
      if (exitCode === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      await exited;
      clearTimeout(timer);
      running.delete(server);
    },
  };
  running.add(server);

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      running.delete(server);
      throw new Error(`the server exited (${exitCode}) before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server was not healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A new, empty database on TEST_DATABASE_URL's server (not migrated: the app does that). */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('freshPostgresDatabase needs TEST_DATABASE_URL');
  const name = `legato_rel_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const run = async (text: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs `fn` over `items`, `width` at a time. */
export async function inParallel<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/** Every page of a paged list endpoint (`?page=&pageSize=200`). */
export async function allPages<T>(c: Client, url: string, maxPages = 100): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res: Res<{ items: T[]; total: number }> = await c.get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=200`);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.text}`);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
  throw new Error(`GET ${url}: more than ${maxPages} pages`);
}
