import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/demo/demo-data.js';
import { startServer, type TestServer } from '../src/server/test/harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('e2e/screenshots');
export const LOCALES = ['bg', 'ka', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEMO = {
  admin: 'admin@demo.legato.local',
  specialist: 'protocol@demo.legato.local',
  viewer: 'viewer@demo.legato.local',
  password: DEMO_PASSWORD,
};

export type E2E = { server: TestServer; browser: Browser; url: string; close: () => Promise<void> };

/**
 * A real server with the built web app and the demo data, on PGlite (or on a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set), and Debian's Chromium driven by playwright-core.
 */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) throw new Error('Build the web app first: npm run build');
  const server = await startServer({ LEGATO_DEMO: '1', LEGATO_WRITE_LIMIT: '100000', ...env });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    headless: true,
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new browser context in `locale`; `options` adds to Playwright's (e.g. bypassCSP). */
export async function newPage(e: E2E, locale: Locale, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e.browser.newContext({ locale: locale === 'ka' ? 'ka-GE' : locale === 'bg' ? 'bg-BG' : 'en-GB', viewport: { width: 1360, height: 900 }, ...options });
  await context.addInitScript((l) => localStorage.setItem('legato.locale', l), locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  (page as Page & { jsErrors: string[] }).jsErrors = errors;
  return { context, page };
}

/** Signs in through the login form. */
export async function signIn(page: Page, url: string, email: string, password = DEMO.password) {
  await page.goto(url + '/');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForSelector('main', { timeout: 20_000 });
  await page.locator('input[type="password"]').waitFor({ state: 'detached', timeout: 20_000 });
}

/**
 * Fails on any serious or critical axe-core violation (EN 301 549 / WCAG 2.1 AA rules).
 * Legacy mode runs axe.run() in the page itself: the app has no iframes, and the default mode
 * opens a blank page per scan to merge frame results (about a second each on a small machine);
 * only violations are detailed, since passes are never read.
 */
export async function expectAccessible(page: Page, label: string) {
  const scan = async () => {
    // Measure what stays on screen: let running transitions end first (a notification or a
    // dialog fading in or out is semi-transparent, and its contrast would be judged mid-fade).
    await page
      .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity), undefined, { timeout: 5_000 })
      .catch(() => undefined);
    const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  };
  // A scan takes a second or more on a small machine: a notification that starts to fade out
  // meanwhile is caught half-transparent. What is really wrong is still wrong on a second scan.
  let bad = await scan();
  if (bad.length) bad = await scan();
  expect(bad).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  // From the top: a full-page capture of a scrolled page draws the fixed header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'legato-e2e-'));
