/**
 * The built web app's JavaScript: what every first visit loads (index.html's script and the
 * chunks it preloads) against the 250 kB gzip budget, and the chunks loaded on demand per route.
 * Builds the app first (vite build), so the figures are those of the current source.
 */
import { execFileSync } from 'node:child_process';
import { bundleSizes, kB, type Chunk } from './lib/browser.js';
import type { BenchOptions, BenchReport, Benchmark } from './lib/types.js';

/** Initial JavaScript budget, gzip (issue 3). */
const BUDGET = 250 * 1024;

const sum = (chunks: Chunk[]) => chunks.reduce((s, c) => s + c.gzip, 0);

export const webBenchmark: Benchmark = {
  name: 'web',
  description: 'Built JavaScript size (gzip): initial load against the budget, and per-route chunks',
  async run(opts: BenchOptions): Promise<BenchReport> {
    opts.log('[web] building the web app (vite build)');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    const { initial, all } = await bundleSizes();
    // The UI texts of the language in use come in at start too: one chunk per module and language.
    const texts = (lang: string) => all.filter((c) => new RegExp(`^assets/${lang}-[\\w-]+\\.js$`).test(c.file));
    const [textLang, textChunks] = ['bg', 'ka', 'en'].map((l) => [l, texts(l)] as const).reduce((a, b) => (sum(b[1]) > sum(a[1]) ? b : a));
    const initialGzip = sum(initial) + sum(textChunks);
    const initialRaw = initial.reduce((s, c) => s + c.bytes, 0) + textChunks.reduce((s, c) => s + c.bytes, 0);
    const lazy = all.filter((c) => !initial.some((i) => i.file === c.file) && !/^assets\/(bg|ka|en)-/.test(c.file)).sort((a, b) => b.gzip - a.gzip);
    opts.log(`[web] initial JavaScript ${kB(initialGzip)} gzip (${initial.length} files + ${textChunks.length} text files of "${textLang}"), ${lazy.length} chunks on demand`);
    const lines = [
      '## Web app: JavaScript size',
      '',
      `Initial JavaScript, loaded before any route — index.html's module script, the chunks it preloads (${kB(sum(initial))} gzip) and the UI texts of one language ` +
        `(the largest, "${textLang}": ${textChunks.length} files, ${kB(sum(textChunks))} gzip): **${kB(initialGzip)} gzip** (${kB(initialRaw)} raw); ` +
        `budget ${kB(BUDGET)} gzip: ${initialGzip <= BUDGET ? 'within' : '**over**'}. ` +
        `Every page module is a lazy route: ${lazy.length} more chunks, ${kB(lazy.reduce((s, c) => s + c.gzip, 0))} gzip in all, loaded as pages are opened ` +
        '(what each main page really fetched is in the first-render table of the directory benchmark).',
      '',
      '| File | Raw | Gzip |',
      '|---|--:|--:|',
      ...initial.map((c) => `| ${c.file} (initial) | ${kB(c.bytes)} | ${kB(c.gzip)} |`),
      `| ${textChunks.length} text files of "${textLang}" (initial) | ${kB(textChunks.reduce((s, c) => s + c.bytes, 0))} | ${kB(sum(textChunks))} |`,
      ...lazy.slice(0, 10).map((c) => `| ${c.file} | ${kB(c.bytes)} | ${kB(c.gzip)} |`),
      ...(lazy.length > 10 ? [`| … ${lazy.length - 10} smaller chunks | | |`] : []),
    ];
    return { title: 'Web', markdown: lines.join('\n') };
  },
};
