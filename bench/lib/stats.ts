/** Small timing helpers shared by the benchmarks. */

export const now = () => performance.now();

/** Nearest-rank percentile of a list of samples (ms). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export type Summary = { p50: number; p95: number; n: number };
export const summarize = (samples: number[]): Summary => ({ p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length });

export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '–');
export const seconds = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
export const int = (n: number) => n.toLocaleString('en-US');
