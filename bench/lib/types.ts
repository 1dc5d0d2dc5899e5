import type { DbKind } from './databases.js';

/** What bench/run.ts passes to every benchmark. */
export type BenchOptions = {
  /** Scale factor: 1 is the full data set of each benchmark, 0.02 a CI-sized run. */
  size: number;
  dbs: DbKind[];
  /** Measured iterations per request (a benchmark may do fewer when one iteration is slow). */
  iterations: number;
  /** Fewest measured iterations, however slow a request is. */
  minIterations: number;
  warmup: number;
  /** Upper bound of measuring time per request and database, in ms. */
  budgetMs: number;
  log: (line: string) => void;
};

export type BenchReport = { title: string; markdown: string };

export type Benchmark = { name: string; description: string; run: (opts: BenchOptions) => Promise<BenchReport> };
