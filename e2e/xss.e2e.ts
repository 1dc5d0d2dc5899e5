import fs from 'node:fs';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import type { Client } from '../src/server/test/harness.js';
import { DEMO, newPage, screenshot, startE2E, type E2E } from './fixtures.js';
import { expectHeading, htmlLang, jsErrors, signInAs, tableRows, waitForText } from './steps.js';
import { exactly, texts } from './texts.js';

/**
 * Stored XSS is inert: organisations, people and timeline entries whose every free-text field
 * holds script, markup and template payloads are stored through the API, then every page that
 * shows them is opened in Chromium. Nothing may run: no dialog, no `window.__xss`, no blocked
 * inline script reported by the Content Security Policy; and each payload must be on the page
 * as literal text (rendered, not dropped).
 *
 * The pages are walked twice: once with the app's CSP bypassed (so the rendering alone must keep
 * the payloads inert: an interpreted `<img onerror>` would run and set window.__xss), and once
 * with the CSP enforced, as users get it (an interpreted payload would be blocked there, and
 * reported as a `securitypolicyviolation`). Each walk ends with a control: markup injected on
 * purpose must be caught by the same detectors, so a blind detector fails the test.
 */

const MARK = 'Payloadia'; // one searchable word in every record
const P = {
  script: '<script>window.__xss=1</script>',
  img: '<img src=x onerror="window.__xss=2">',
  svg: '"><svg onload=window.__xss=3>',
  jsUrl: 'javascript:window.__xss=4',
  template: "{{constructor.constructor('window.__xss=5')()}}",
  markdown: '[x](javascript:window.__xss=6)',
  iframe: '<iframe srcdoc="<script>parent.__xss=7</script>">',
  anchor: '<a href="javascript:window.__xss=8">x</a>',
};
const ALL = Object.values(P).join('\n');
const FORMULA = '=HYPERLINK("http://example.org/x","x")';
const WEBSITE = `https://example.org/?q=${P.svg}`;

const ORG_A = `${MARK} ${P.script}`;
const ORG_B = `${MARK} ${P.script} twin`;
const PERSON = `${MARK} ${P.img}`;
const PERSON_TWIN = `${MARK} ${P.img} II`;
const MEETING = `${MARK} meeting ${P.svg}`;
const LETTER = `${MARK} letter ${P.img} ${P.markdown}`;

type Ids = { orgA: string; orgB: string; person: string; personTwin: string };

/** Stores the records through the API, as the signed-in specialist. */
async function storePayloads(api: Client): Promise<Ids> {
  const created = async (path: string, body: unknown) => {
    const res = await api.post(path, body);
    expect(res.status, `POST ${path}: ${res.text}`).toBe(201);
    return res.body as { id: string; version: number };
  };
  const orgA = await created('/api/organizations', {
    kind: 'partner_city',
    name: { original: 'en', values: { en: ORG_A, bg: `${MARK} ${P.img}`, ka: `${MARK} ${P.svg}` } },
    shortName: P.template,
    country: 'GE',
    city: P.img,
    website: WEBSITE,
    phone: P.svg,
    addresses: [{ label: P.anchor, street: P.iframe, city: P.markdown, postcode: '<b>1</b>', country: 'GE' }],
    tags: [P.script, P.img, P.svg, P.markdown, P.template],
    notes: ALL,
  });
  const orgB = await created('/api/organizations', {
    kind: 'embassy',
    name: { original: 'en', values: { en: ORG_B } },
    shortName: FORMULA,
    city: P.svg,
    notes: `${P.jsUrl}\n${P.markdown}`,
  });
  const person = await created('/api/people', {
    name: PERSON,
    nameLatin: P.svg,
    formOfAddress: { bg: P.script, en: P.template },
    title: { original: 'en', values: { en: P.markdown } },
    position: { original: 'en', values: { en: P.anchor, bg: P.iframe } },
    organizationId: orgA.id,
    phones: [{ label: P.script, number: '+359 88 123 4567' }],
    accompanyingPersons: [{ name: P.iframe, relation: P.svg, notes: P.template }],
    tags: [P.img, P.markdown],
    notes: ALL,
  });
  const personTwin = await created('/api/people', { name: PERSON_TWIN, notes: P.script });
  await created('/api/interactions', { kind: 'meeting', occurredAt: '2026-01-10T10:00:00Z', subject: MEETING, notes: ALL, organizationId: orgA.id, personId: person.id });
  await created('/api/interactions', { kind: 'letter', occurredAt: '2026-01-11T10:00:00Z', subject: LETTER, notes: P.anchor, personId: person.id });

  // A javascript: URL is not a website: refused on create and on update.
  const refused = await api.post('/api/organizations', { kind: 'other', name: { original: 'en', values: { en: `${MARK} refused` } }, website: P.jsUrl });
  expect([refused.status, refused.body.code]).toEqual([400, 'validation']);
  expect(refused.body.fields).toEqual([expect.objectContaining({ path: 'website', reason: 'invalid_url' })]);
  const patchRefused = await api.patch(`/api/organizations/${orgA.id}`, { version: orgA.version, website: P.jsUrl });
  expect([patchRefused.status, patchRefused.body.code]).toEqual([400, 'validation']);

  // An update, so the history and the audit log show payloads as before and after.
  const updated = await api.patch(`/api/organizations/${orgA.id}`, { version: orgA.version, city: P.svg });
  expect(updated.status, updated.text).toBe(200);
  return { orgA: orgA.id, orgB: orgB.id, person: person.id, personTwin: personTwin.id };
}

/** What each page load reports: assignments to window.__xss and CSP violations (via the console, across loads). */
const DETECTORS = () => {
  const hits: unknown[] = [];
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get: () => hits.at(-1),
    set: (v) => {
      hits.push(v);
      console.error(`xss-executed:${String(v)}`);
    },
  });
  document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`csp-violation:${JSON.stringify({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, at: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` })}`),
  );
};

type Watched = { page: Page; context: BrowserContext; executed: string[]; violations: string[]; dialogs: string[] };

async function watchedPage(e: E2E, opts: { bypassCSP: boolean }): Promise<Watched> {
  const { context, page } = await newPage(e, 'en', { bypassCSP: opts.bypassCSP });
  context.setDefaultTimeout(15_000);
  await context.addInitScript(DETECTORS);
  const w: Watched = { page, context, executed: [], violations: [], dialogs: [] };
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith('xss-executed:')) w.executed.push(text);
    if (text.startsWith('csp-violation:')) w.violations.push(text);
  });
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  onTestFailed(() => screenshot(page, `failed-xss${opts.bypassCSP ? '-no-csp' : ''}`).catch(() => {}));
  return w;
}

/** Nothing ran on this page, and the CSP had nothing to block. */
async function expectInert(w: Watched, where: string) {
  expect(await w.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `window.__xss on ${where}`).toBeUndefined();
  expect(w.executed, `scripts run on ${where}`).toEqual([]);
  expect(w.dialogs, `dialogs on ${where}`).toEqual([]);
  // Zod (in the web app's bundle) probes once whether it may compile validators with
  // Function(''): the CSP refuses, which is reported as an `eval` violation from the bundle. An
  // eval that a payload caused would have run in the walk with the CSP bypassed, and set __xss.
  const violations = w.violations.filter((v) => !v.includes('"blocked":"eval"'));
  expect(violations, `CSP violations on ${where}`).toEqual([]);
  expect(jsErrors(w.page), `JavaScript errors on ${where}`).toEqual([]);
}

const tr = texts('en');

/** Every page a specialist sees the payloads on. */
async function walkAsSpecialist(e: E2E, w: Watched, ids: Ids) {
  const { page } = w;
  const checked = (where: string) => expectInert(w, where);
  await signInAs(page, e.url, 'en', DEMO.specialist, { switchTo: false });
  expect(await htmlLang(page)).toBe('en');
  await checked('home');

  // Organisations list, filtered to the payload records.
  await page.goto(`${e.url}/organizations?q=${MARK}`);
  const orgRows = await tableRows(page, 'organizations-table');
  await expect.poll(() => orgRows.count()).toBe(2);
  const orgTable = page.getByTestId('organizations-table');
  for (const text of [ORG_A, ORG_B, P.template, FORMULA, P.svg, P.script, P.img, P.markdown]) await waitForText(orgTable, text);
  await checked('organisations list');

  // The export of that list: the payloads arrive as data, no cell a spreadsheet would run.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: tr('organizations:list.exportCsvLabel') }).click()]);
  const rows = Papa.parse<string[]>(fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(3);
  const cells = rows.flat();
  for (const text of [ORG_A, ORG_B, P.template, P.img, P.svg, P.iframe, P.markdown, WEBSITE]) expect(cells.filter((c) => c.includes(text)), text).not.toEqual([]);
  expect(cells).toContain(`'${FORMULA}`);
  expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  await checked('organisations CSV export');

  // Organisation detail: details, people, timeline (the default tab), duplicates, history.
  await page.goto(`${e.url}/organizations/${ids.orgA}`);
  await expectHeading(page, ORG_A);
  const details = page.getByRole('region', { name: tr('organizations:detail.details') });
  for (const text of [ORG_A, `${MARK} ${P.img}`, `${MARK} ${P.svg}`, P.template, P.svg, P.anchor, P.iframe, P.markdown, '<b>1</b>', P.script, P.img, P.jsUrl])
    await waitForText(details, text);
  const website = details.getByRole('link', { name: WEBSITE });
  expect(await website.getAttribute('href')).toBe(WEBSITE);
  const people = page.getByRole('region', { name: /^People/ });
  for (const text of [PERSON, P.svg, P.anchor]) await waitForText(people, text);
  const timeline = page.getByTestId('timeline');
  for (const text of [MEETING, P.script, P.iframe, P.template, P.jsUrl]) await waitForText(timeline, text);
  const duplicates = page.getByTestId('duplicates');
  await waitForText(duplicates, ORG_B);
  await checked('organisation detail: details, people, timeline, duplicates');

  // The merge dialog puts both records side by side.
  await duplicates.getByRole('button', { name: tr('ui:duplicates.mergeWith', { name: ORG_B }) }).click();
  const merge = page.getByRole('dialog', { name: tr('ui:duplicates.mergeTitle') });
  for (const text of [ORG_A, ORG_B, P.svg]) await waitForText(merge, text);
  await checked('merge dialog');
  await page.keyboard.press('Escape');
  await merge.waitFor({ state: 'detached' });

  await page.getByRole('tab', { name: tr('organizations:detail.historyTab') }).click();
  const history = page.getByTestId('history');
  await waitForText(history, tr('app:audit.actions.update'));
  for (const text of [P.img, P.svg]) await waitForText(history, text);
  await checked('organisation history');

  // People list and the person's page.
  await page.goto(`${e.url}/people?q=${MARK}`);
  const personRows = await tableRows(page, 'people-table');
  await expect.poll(() => personRows.count()).toBe(2);
  for (const text of [PERSON, PERSON_TWIN]) await waitForText(page.getByTestId('people-table'), text);
  await checked('people list');

  await page.goto(`${e.url}/people/${ids.person}`);
  await expectHeading(page, PERSON);
  const personDetails = page.getByRole('region', { name: tr('people:detail.details') });
  for (const text of [PERSON, P.svg, P.script, P.template, P.markdown, P.anchor, P.iframe, ORG_A, P.img, P.jsUrl]) await waitForText(personDetails, text);
  const companions = page.getByRole('region', { name: tr('people:fields.accompanyingPersons') });
  for (const text of [P.iframe, P.svg, P.template]) await waitForText(companions, text);
  const personTimeline = page.getByTestId('timeline');
  for (const text of [MEETING, LETTER, P.anchor]) await waitForText(personTimeline, text);
  await waitForText(page.getByTestId('duplicates'), PERSON_TWIN);
  await page.getByRole('tab', { name: tr('people:detail.historyTab') }).click();
  await waitForText(page.getByTestId('history'), tr('app:audit.actions.create'));
  await checked('person detail, timeline, duplicates and history');

  // Search (Ctrl+K): organisations, people and timeline entries.
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: tr('search:dialogLabel') });
  await search.waitFor();
  await page.keyboard.type(MARK);
  for (const text of [ORG_A, ORG_B, PERSON, PERSON_TWIN, MEETING]) await waitForText(search, text);
  await checked('search results');
  await page.keyboard.press('Escape');
}

/** The administrator's pages: recent changes on the home page, and the audit log with the changes opened. */
async function walkAsAdministrator(e: E2E, w: Watched, api: Client, ids: Ids) {
  const { page } = w;
  // The home page lists the last few changes (sign-ins too): a fresh one with a payload.
  const call = `${MARK} call ${P.iframe} ${Date.now()}`;
  const res = await api.post('/api/interactions', { kind: 'call', occurredAt: new Date().toISOString(), subject: call, notes: ALL, organizationId: ids.orgB });
  expect(res.status, res.text).toBe(201);
  await signInAs(page, e.url, 'en', DEMO.admin, { switchTo: false });
  expect(await htmlLang(page)).toBe('en');
  const main = page.getByRole('main');
  await waitForText(main, call);
  await expectInert(w, 'home (recent changes)');

  await page.goto(`${e.url}/audit`);
  await expectHeading(page, tr('audit:title'));
  for (const text of [ORG_A, ORG_B, PERSON, PERSON_TWIN, MEETING, LETTER]) await waitForText(main, text);
  const updateRow = page.getByRole('row').filter({ hasText: ORG_A }).filter({ has: page.getByRole('cell', { name: exactly(tr('app:audit.actions.update')) }) });
  await updateRow.getByRole('button').click();
  const changes = page.getByRole('table', { name: tr('audit:changes.caption') });
  for (const text of [P.img, P.svg]) await waitForText(changes, text);
  await expectInert(w, 'audit log with changes');
}

/** Markup injected on purpose: the detectors must see it (else the walk above proved nothing). */
async function controlIsCaught(w: Watched, opts: { bypassCSP: boolean }) {
  await w.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image" onerror="window.__xss=99">'));
  if (opts.bypassCSP) {
    await expect.poll(() => w.executed).toEqual(['xss-executed:99']);
  } else {
    // The app's CSP blocks the inline handler and says so.
    await expect.poll(() => w.violations.length).toBeGreaterThan(0);
    expect(w.violations.join('\n')).toContain('script-src');
    expect(w.executed).toEqual([]);
  }
}

let e: E2E;
let api: Client;
let ids: Ids;
beforeAll(async () => {
  e = await startE2E();
  // Both accounts in English, so the UI comes up in English after sign-in (no switch to race).
  const admin = e.server.client('en');
  await admin.login(DEMO.admin, DEMO.password);
  expect((await admin.patch('/api/auth/me', { locale: 'en' })).status).toBe(204);
  api = e.server.client('en');
  await api.login(DEMO.specialist, DEMO.password);
  expect((await api.patch('/api/auth/me', { locale: 'en' })).status).toBe(204);
  ids = await storePayloads(api);
});
afterAll(async () => {
  await e?.close();
});

describe('stored script payloads stay text on every page that shows them', () => {
  for (const bypassCSP of [true, false]) {
    test(bypassCSP ? 'with the Content Security Policy bypassed: the rendering alone keeps them inert' : 'with the Content Security Policy enforced: nothing is even blocked', async () => {
      const specialist = await watchedPage(e, { bypassCSP });
      await walkAsSpecialist(e, specialist, ids);
      await controlIsCaught(specialist, { bypassCSP });
      await specialist.context.close();

      const admin = await watchedPage(e, { bypassCSP });
      await walkAsAdministrator(e, admin, api, ids);
      await controlIsCaught(admin, { bypassCSP });
      await admin.context.close();
    });
  }
});
