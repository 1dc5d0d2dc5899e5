/**
 * The one entry point of the benchmarks: `npm run bench -- [options]`.
 *
 *   --size=N        scale factor (default 1: each benchmark's full data set; CI uses e.g. 0.02)
 *   --db=X          pglite | postgres | both (default both; PostgreSQL from BENCH_DATABASE_URL,
 *                   default postgres://postgres@127.0.0.1:5432/postgres, where a fresh database
 *                   legato_bench_<random> is created and dropped afterwards)
 *   --iterations=N  measured iterations per request (default 50; fewer when a request is slow)
 *   --only=a,b      run only these benchmarks (default: all)
 *   --out=FILE      where to write the report (default bench/RESULTS.md)
 *
 * Prints a Markdown report and writes it to bench/RESULTS.md (overwritten).
 * To add a benchmark: export a `Benchmark` (bench/lib/types.ts) and list it in BENCHMARKS.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { directoryBenchmark } from './directory.js';
import { seatingBenchmark } from './seating.js';
import { visitsBenchmark } from './visits.js';
import { webBenchmark } from './web.js';
import { installSignalCleanup, interruptedBy, runAllCleanups } from './lib/cleanup.js';
import type { DbKind } from './lib/databases.js';
import { seconds } from './lib/stats.js';
import type { BenchOptions, Benchmark } from './lib/types.js';

const BENCHMARKS: Benchmark[] = [webBenchmark, directoryBenchmark, visitsBenchmark, seatingBenchmark];

function usage(message?: string): never {
  if (message) console.error(`bench: ${message}`);
  console.error('usage: npm run bench -- [--size=N] [--db=pglite|postgres|both] [--iterations=N] [--only=name,…] [--out=FILE]');
  console.error(`benchmarks: ${BENCHMARKS.map((b) => `${b.name} (${b.description})`).join('; ')}`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const args = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) usage(`unknown argument ${a}`);
    args.set(m[1], m[2] ?? '');
  }
  for (const key of args.keys()) if (!['size', 'db', 'iterations', 'only', 'out', 'help'].includes(key)) usage(`unknown option --${key}`);
  if (args.has('help')) usage();
  const size = Number(args.get('size') ?? '1');
  if (!Number.isFinite(size) || size <= 0 || size > 100) usage('--size must be a number > 0');
  const db = args.get('db') ?? 'both';
  if (!['pglite', 'postgres', 'both'].includes(db)) usage('--db must be pglite, postgres or both');
  const iterations = Number(args.get('iterations') ?? '50');
  if (!Number.isInteger(iterations) || iterations < 1) usage('--iterations must be a positive integer');
  const only = args.get('only')?.split(',').filter(Boolean);
  const selected = only ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
  if (only && selected.length !== only.length) usage(`unknown benchmark in --only=${only.join(',')}`);
  const dbs: DbKind[] = db === 'both' ? ['pglite', 'postgres'] : [db as DbKind];
  const out = args.get('out') || path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
  return { size, dbs, iterations, selected, only, out: path.resolve(out) };
}

function machineFacts(): string {
  const cpus = os.cpus();
  const gib = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GiB`;
  return [
    `- CPU: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `- Memory: ${gib(os.totalmem())} total, ${gib(os.freemem())} free at start`,
    `- Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`,
    `- OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `- Node ${process.version}`,
  ].join('\n');
}

async function main() {
  const { size, dbs, iterations, selected, only, out } = parseArgs(process.argv.slice(2));
  installSignalCleanup();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Small (CI) runs only check that everything works: fewer warm-ups, a smaller time budget.
  const small = size < 0.1;
  const opts: BenchOptions = {
    size,
    dbs,
    iterations,
    minIterations: Math.min(iterations, small ? 3 : 5),
    warmup: small ? 1 : 5,
    budgetMs: Math.min(30_000, Math.max(1_000, 30_000 * size)),
    log,
  };
  const started = new Date();
  const machine = machineFacts();
  const t0 = performance.now();
  const sections: string[] = [];
  try {
    for (const bench of selected) {
      log(`== ${bench.name}`);
      sections.push((await bench.run(opts)).markdown);
    }
  } finally {
    await runAllCleanups();
  }
  const report = [
    '# Legato benchmarks',
    '',
    `Run ${started.toISOString().replace(/\.\d+Z$/, 'Z')} with \`npm run bench -- --size=${size} --db=${dbs.length === 2 ? 'both' : dbs[0]}${only ? ` --only=${only.join(',')}` : ''}\` (${seconds(performance.now() - t0)} in all).`,
    '',
    machine,
    `- Load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (other work on the machine inflates every figure alike; compare ratios and the two databases within one run)`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  process.stdout.write(report);
  await fs.writeFile(out, report);
  log(`written to ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  async (err) => {
    const signal = interruptedBy();
    if (signal) console.error(String((err as Error).message ?? err));
    else console.error(err);
    await runAllCleanups();
    process.exit(signal === 'SIGINT' ? 130 : signal ? 143 : 1);
  },
);
