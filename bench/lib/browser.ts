/**
 * The web app as a user gets it: how much JavaScript the built app ships (gzip), and how long
 * the main pages take to show their content in Debian's Chromium (playwright-core; never a
 * downloaded browser).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { now, summarize, type Summary } from './stats.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB_DIST = path.resolve('dist/web');

export type Chunk = { file: string; bytes: number; gzip: number };

/** Sizes of a built file, raw and gzip (level 9, as a server compressing static files would). */
async function chunk(file: string): Promise<Chunk> {
  const data = await fs.readFile(path.join(WEB_DIST, file));
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/**
 * What index.html loads before any route: its module script and the chunks it preloads; and
 * every JavaScript file of the build (the rest is loaded on demand, per route).
 */
export async function bundleSizes(): Promise<{ initial: Chunk[]; all: Chunk[] }> {
  const html = await fs.readFile(path.join(WEB_DIST, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const assets = (await fs.readdir(path.join(WEB_DIST, 'assets'))).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  return { initial: await Promise.all(referenced.map(chunk)), all: await Promise.all(assets.map(chunk)) };
}

export type PageCase = {
  name: string;
  path: string;
  /** A selector that is visible once the page shows its content (not a spinner). */
  ready: string;
};

export type PageResult = { name: string; path: string; ready: Summary; fcp: Summary; jsGzip: number; jsFiles: number };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Loads each page `loads` times, each in a fresh browser context (empty cache, as on a first
 * visit of the day) that already holds the session cookie, and times navigation start → the
 * page's content visible; also First Contentful Paint and the JavaScript the page fetched.
 */
export async function measurePages(
  browser: Browser,
  base: string,
  cookie: { name: string; value: string },
  cases: PageCase[],
  loads: number,
): Promise<PageResult[]> {
  const sizes = new Map((await bundleSizes()).all.map((c) => [c.file, c.gzip]));
  const results: PageResult[] = [];
  for (const c of cases) {
    const ready: number[] = [];
    const fcp: number[] = [];
    let jsGzip = 0;
    let jsFiles = 0;
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
      await context.addCookies([{ name: cookie.name, value: cookie.value, url: base }]);
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on('request', (r) => {
        const m = /\/(assets\/[^/?#]+\.js)/.exec(r.url());
        if (m && r.resourceType() === 'script') scripts.add(m[1]!);
      });
      const t0 = now();
      await page.goto(base + c.path, { waitUntil: 'commit' });
      await page.locator(c.ready).first().waitFor({ state: 'visible', timeout: 60_000 });
      ready.push(now() - t0);
      fcp.push(
        await page.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? Number.NaN),
      );
      jsFiles = scripts.size;
      jsGzip = [...scripts].reduce((sum, f) => sum + (sizes.get(f) ?? 0), 0);
      await context.close();
    }
    results.push({ name: c.name, path: c.path, ready: summarize(ready), fcp: summarize(fcp.filter(Number.isFinite)), jsGzip, jsFiles });
  }
  return results;
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
