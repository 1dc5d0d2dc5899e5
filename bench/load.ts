/**
 * Load test: `npm run load -- [options]`. The real server on a fresh database seeded with the
 * directory benchmark's data, and N signed-in users working at once over loopback for a fixed
 * time; then requests/s, latency per kind of request and every failure.
 *
 *   --users=N      simulated users, one keep-alive connection and one session each (default 100)
 *   --duration=S   seconds of load per database (default 60)
 *   --size=F       directory size, as `npm run bench` (1 = 50,000 organisations; default 0.2)
 *   --db=X         pglite | postgres | both (default both; PostgreSQL from BENCH_DATABASE_URL,
 *                  default postgres://postgres@127.0.0.1:5432/postgres, where a fresh database
 *                  legato_bench_<random> is created and dropped afterwards)
 *   --think=S      seconds a person reads between two clicks, on average (default 5): the users
 *                  together send users/S requests per second (autocannon's overallRate)
 *   --rate=R       instead of --think: requests per second per user (a stress test; 0 = closed
 *                  loop, each user sends again as soon as answered)
 *   --timeout=S    a request unanswered this long is a failure (default 10)
 *   --warmup=S     seconds of load by 10 users before the measured run, not measured (default 5)
 *   --out=FILE     Markdown report (default bench/LOAD.md, overwritten)
 *
 * Exits 1 when any request failed: a 5xx or any other answer its kind does not expect (409 on an
 * update is expected: someone saved the record first), a timeout or a connection error.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database } from '../src/server/db/client.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { createSession } from '../src/server/platform/auth/sessions.js';
import { users } from '../src/server/modules/users/users.table.js';
import { OWNERS, buildRows, seed, type Rows } from './directory.js';
import { deferCleanup, installSignalCleanup, interruptedBy, runAllCleanups, throwIfInterrupted } from './lib/cleanup.js';
import { openBenchDatabase, type DbKind } from './lib/databases.js';
import { ACCEPTED_CONFLICT, EXPECTED, KINDS, WRITES, type Kind } from './lib/load-mix.js';
import type { LoadPlan, LoadResult, LoadUser, Phase } from './lib/load-worker.js';
import { createUsers, startBenchServer } from './lib/server.js';
import { int, ms, percentile, seconds } from './lib/stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** With think time: all users together send users / think requests per second. */
const overallRate = (o: { users: number; think: number }) => Math.max(1, Math.round(o.users / o.think));
const pacing = (o: Options) =>
  o.rate === null ? `a click every ${o.think} s per user on average: ${overallRate(o)} requests/s in all` : o.rate ? `≤ ${o.rate} request/s each` : 'no pause';

type Options = { users: number; duration: number; size: number; dbs: DbKind[]; rate: number | null; think: number; timeout: number; warmup: number; out: string };

function usage(message?: string): never {
  if (message) console.error(`load: ${message}`);
  console.error('usage: npm run load -- [--users=N] [--duration=S] [--size=F] [--db=pglite|postgres|both] [--think=S | --rate=R] [--timeout=S] [--warmup=S] [--out=FILE]');
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const args = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) usage(`unknown argument ${a}`);
    args.set(m[1], m[2] ?? '');
  }
  for (const key of args.keys()) if (!['users', 'duration', 'size', 'db', 'rate', 'think', 'timeout', 'warmup', 'out', 'help'].includes(key)) usage(`unknown option --${key}`);
  if (args.has('help')) usage();
  const num = (key: string, fallback: number, ok: (n: number) => boolean, what: string) => {
    const n = Number(args.get(key) ?? fallback);
    if (!Number.isFinite(n) || !ok(n)) usage(`--${key} must be ${what}`);
    return n;
  };
  const db = args.get('db') ?? 'both';
  if (!['pglite', 'postgres', 'both'].includes(db)) usage('--db must be pglite, postgres or both');
  return {
    users: num('users', 100, (n) => Number.isInteger(n) && n >= 1 && n <= 2000, 'an integer from 1 to 2000'),
    duration: num('duration', 60, (n) => n >= 1 && n <= 3600, 'from 1 to 3600 seconds'),
    size: num('size', 0.2, (n) => n > 0 && n <= 100, 'a number > 0'),
    dbs: db === 'both' ? ['pglite', 'postgres'] : [db as DbKind],
    rate: args.has('rate') ? num('rate', 1, (n) => Number.isInteger(n) && n >= 0, 'a whole number of requests per second (0: no pause)') : null,
    think: num('think', 5, (n) => n > 0 && n <= 600, 'from 0 to 600 seconds'),
    timeout: num('timeout', 10, (n) => n >= 1 && n <= 600, 'from 1 to 600 seconds'),
    warmup: num('warmup', 5, (n) => n >= 0 && n <= 600, 'from 0 to 600 seconds'),
    out: path.resolve(args.get('out') || path.join(here, 'LOAD.md')),
  };
}

/**
 * Specialists with sessions made directly (as src/server/security/factories.ts does): signing in
 * a hundred users through the login route would cost an argon2 verification each and the login
 * rate limit, neither of which is under test here. One password hash serves all.
 */
async function createLoadUsers(database: Database, n: number, sessionHours: number): Promise<LoadUser[]> {
  const passwordHash = await hashPassword(randomBytes(18).toString('base64url'));
  const rows = await database.db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ name: `Load user ${i + 1}`, email: `load${i + 1}@bench.legato.local`, role: 'specialist', locale: 'en', passwordHash })))
    .returning({ id: users.id });
  const out: LoadUser[] = [];
  for (const row of rows) out.push(await createSession(database.db, row.id, sessionHours, { userAgent: 'legato load test' }));
  return out;
}

/** Ids of records every specialist may see (the seeded confidential ones belong to others). */
async function visibleIds(database: Database) {
  const ids = async (sql: string) => (await database.query<{ id: string }>(sql)).rows.map((r) => r.id);
  const organizations = await ids('SELECT id FROM organizations WHERE NOT confidential ORDER BY id LIMIT 5000');
  const people = await ids(
    'SELECT p.id FROM people p LEFT JOIN organizations o ON o.id = p.organization_id WHERE NOT p.confidential AND NOT coalesce(o.confidential, false) ORDER BY p.id LIMIT 5000',
  );
  if (!organizations.length || !people.length) throw new Error('no visible organisations or people to load');
  return { organizations, people };
}

/** Runs the load generator in a worker thread (through tsx's loader, which workers do not inherit). */
function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const entry = new URL('./lib/load-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: plan });
  const stop = deferCleanup('stop the load generator', async () => void (await worker.terminate()));
  // Ctrl-C: stop the load at once, so the run unwinds (closing the server, dropping the database).
  const watch = setInterval(() => interruptedBy() && void worker.terminate(), 200);
  return new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', (m: { result?: LoadResult; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(`load generator: ${m.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(interruptedBy() ? `interrupted by ${interruptedBy()}` : `load generator stopped (exit code ${code})`)));
  }).finally(() => {
    clearInterval(watch);
    return stop();
  });
}

type DbRun = { label: string; kind: DbKind; seedSeconds: number; result: LoadResult };

async function runOn(kind: DbKind, rows: Rows, opts: Options, log: (line: string) => void): Promise<DbRun> {
  log(`[load] ${kind}: opening a fresh database`);
  const target = await openBenchDatabase(kind);
  try {
    const t0 = performance.now();
    const owners = await createUsers(
      target.database,
      Array.from({ length: OWNERS }, (_, i) => ({ name: `Owner ${i + 1}`, email: `owner${i + 1}@bench.legato.local`, role: 'specialist' as const })),
    );
    await seed(target, rows, owners);
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`[load] ${target.label}: seeded in ${seedSeconds.toFixed(1)} s`);
    throwIfInterrupted();
    const server = await startBenchServer(target.database, target.dataDir);
    try {
      const loadUsers = await createLoadUsers(target.database, opts.users, server.app.ctx.config.sessionHours);
      const pools = await visibleIds(target.database);
      log(`[load] ${target.label}: ${opts.users} users for ${opts.duration} s (${pacing(opts)})`);
      const result = await generateLoad({
        url: server.url,
        users: loadUsers,
        pools,
        durationSeconds: opts.duration,
        rate: opts.rate ?? 0,
        overallRate: opts.rate === null ? overallRate(opts) : 0,
        warmupSeconds: opts.warmup,
        timeoutSeconds: opts.timeout,
        seed: 20260115,
      });
      log(`[load] ${target.label}: done, closing`);
      return { label: target.label, kind, seedSeconds, result };
    } finally {
      await server.close();
    }
  } finally {
    await target.close();
  }
}

// ---------------------------------------------------------------------------
// Figures

type Failure = { what: string; count: number };

function failures(r: Phase): Failure[] {
  const out: Failure[] = [];
  for (const kind of KINDS) {
    const t = r.kinds[kind];
    for (const [status, count] of Object.entries(t.statuses)) {
      if (!EXPECTED[kind].includes(Number(status)) && ACCEPTED_CONFLICT[kind] !== Number(status)) out.push({ what: `${kind}: HTTP ${status}`, count });
    }
    if (t.unreadable) out.push({ what: `${kind}: unreadable 200 body`, count: t.unreadable });
  }
  for (const [message, count] of Object.entries(r.errors)) out.push({ what: message, count });
  return out;
}

const allFailures = (r: LoadResult) => [...(r.warmup ? failures(r.warmup).map((f) => ({ ...f, what: `warm-up: ${f.what}` })) : []), ...failures(r.load)];

const count = (r: Phase, kinds: readonly Kind[]) => kinds.reduce((s, k) => s + r.kinds[k].latencies.length, 0);
const statusList = (statuses: Record<number, number>) =>
  Object.entries(statuses)
    .map(([s, n]) => `${s}: ${int(n)}`)
    .join(', ') || '–';
const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');
const max = (samples: number[]) => samples.reduce((m, v) => (v > m ? v : m), -Infinity);
const latencyCells = (samples: number[]) => [50, 95, 99].map((p) => ms(percentile(samples, p))).concat(ms(max(samples)));

function section(run: DbRun, opts: Options, rows: Rows): string {
  const r = run.result.load;
  const warm = run.result.warmup;
  const all = KINDS.flatMap((k) => r.kinds[k].latencies);
  const writes = count(r, [...WRITES]);
  const conflicts = r.kinds['update organisation'].statuses[409] ?? 0;
  const bad = allFailures(run.result);
  const lines = [
    `## ${run.label}`,
    '',
    `${int(rows.organizations.length)} organisations, ${int(rows.people.length)} people, ${int(rows.interactions.length)} interactions, ${int(rows.audit.length)} audit entries (size ${opts.size}), seeded in ${run.seedSeconds.toFixed(1)} s; ${int(opts.users)} specialists signed in.`,
    '',
    `| | |`,
    `|---|---|`,
    ...(warm ? [`| Warm-up (not measured) | ${warm.users} users, no pause, ${int(KINDS.reduce((n, k) => n + warm.kinds[k].latencies.length, 0))} answers in ${warm.seconds.toFixed(1)} s |`] : []),
    `| Answers | ${int(all.length)} in ${r.seconds.toFixed(1)} s: **${(all.length / r.seconds).toFixed(1)} requests/s** |`,
    `| Latency, all answers (ms) | p50 ${ms(percentile(all, 50))} · p95 ${ms(percentile(all, 95))} · p99 ${ms(percentile(all, 99))} · max ${ms(max(all))} |`,
    `| Writes | ${int(writes)} (${pct(writes, all.length)} of answers) |`,
    `| Version conflicts (409 on an update: accepted) | ${int(conflicts)} of ${int(r.kinds['update organisation'].latencies.length)} updates |`,
    `| Failures | ${bad.length ? bad.map((f) => `${f.what} × ${int(f.count)}`).join('; ') : 'none'} |`,
    '',
    '| Request | Answers | Share | p50 ms | p95 ms | p99 ms | max ms | Status codes | Unanswered |',
    '|---|--:|--:|--:|--:|--:|--:|---|--:|',
    ...KINDS.map((k) => {
      const t = r.kinds[k];
      return `| ${k} | ${int(t.latencies.length)} | ${pct(t.latencies.length, all.length)} | ${latencyCells(t.latencies).join(' | ')} | ${statusList(t.statuses)} | ${int(t.abandoned)} |`;
    }),
  ];
  return lines.join('\n');
}

function report(runs: DbRun[], opts: Options, rows: Rows, started: Date, totalMs: number, loadStart: number[]): string {
  const cpus = os.cpus();
  const failed = runs.some((run) => allFailures(run.result).length > 0);
  const args = `--users=${opts.users} --duration=${opts.duration} --size=${opts.size} --db=${opts.dbs.length === 2 ? 'both' : opts.dbs[0]} ${opts.rate === null ? `--think=${opts.think}` : `--rate=${opts.rate}`} --timeout=${opts.timeout} --warmup=${opts.warmup}`;
  return [
    '# Legato load test',
    '',
    `Run ${started.toISOString().replace(/\.\d+Z$/, 'Z')} with \`npm run load -- ${args}\` (${seconds(totalMs)} in all): **${failed ? 'FAILED' : 'no failures'}**.`,
    '',
    `- CPU: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}; load average ${loadStart.map((l) => l.toFixed(2)).join(', ')} at start, ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} at end; Node ${process.version}`,
    `- Server, database and load generator share this machine (the generator in a worker thread of the same process, over loopback).`,
    '',
    'How: the real server (bench/lib/server.ts) on a fresh database seeded as the directory benchmark seeds it. ' +
      `Each simulated user is a specialist with its own session and CSRF token (sessions created directly, as the security tests do) and one keep-alive connection (autocannon); ` +
      (opts.rate === null
        ? `together they send ${overallRate(opts)} requests per second (autocannon's overall rate): a click every ${opts.think} s per user on average, as people who read what they opened; each user sends the next request only once the last is answered. `
        : opts.rate
        ? `it sends at most ${opts.rate} request${opts.rate > 1 ? 's' : ''} per second, the next one only once the last is answered — far busier than a person, who reads between clicks. `
        : 'it sends the next request as soon as the last is answered (a saturation test: latency is then mostly queueing). ') +
      'What a user does next (bench/lib/load-mix.ts): organisation lists with filters, organisation and person pages, the people of an organisation, timelines, Ctrl+K search in Latin, Cyrillic and Georgian with typos, ' +
      'and about one request in ten a write: a timeline entry on an organisation, or an organisation saved with the version its edit form read (a 409 when another user saved it first is the right answer, counted apart). ' +
      `A request unanswered after ${opts.timeout} s is a failure, as is a connection error, a 5xx or any other status its kind does not expect. ` +
      'The write rate limit is raised for the run (LEGATO_WRITE_LIMIT, as for the benchmarks): it counts per IP address, and every simulated user comes from 127.0.0.1. ' +
      (opts.warmup ? `Before the measured run, ${opts.warmup} s of the same mix by 10 users without a pause warm the server up (JIT, caches; a cold server is slower); their answers are not in the figures, their failures are. ` : '') +
      'Latency is measured from sending the request to the end of the answer, for every answer whatever its status.',
    '',
    ...runs.flatMap((run) => [section(run, opts, rows), '']),
  ].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  installSignalCleanup();
  const started = new Date();
  const loadStart = os.loadavg();
  const t0 = performance.now();
  const log = (line: string) => process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s ${line}\n`);
  log(`[load] building rows (size ${opts.size})`);
  const { rows } = buildRows(opts.size);
  const runs: DbRun[] = [];
  try {
    for (const kind of opts.dbs) runs.push(await runOn(kind, rows, opts, log));
  } finally {
    await runAllCleanups();
  }
  const text = report(runs, opts, rows, started, performance.now() - t0, loadStart);
  process.stdout.write(text);
  await fs.writeFile(opts.out, text);
  const shown = path.relative(process.cwd(), opts.out);
  log(`written to ${shown.startsWith('..') ? opts.out : shown}`);
  return runs.some((run) => allFailures(run.result).length > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    const signal = interruptedBy();
    if (signal) console.error(String((err as Error).message ?? err));
    else console.error(err);
    await runAllCleanups();
    process.exit(signal === 'SIGINT' ? 130 : signal ? 143 : 1);
  },
);
