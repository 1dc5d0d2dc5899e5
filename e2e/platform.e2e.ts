import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { PROBLEM_MESSAGES } from '../src/contracts/common/problems.js';
import { DEMO, LOCALES, expectAccessible, newPage, screenshot, startE2E, tmpDir, type E2E, type Locale } from './fixtures.js';
import { choose, expectHeading, filterList, htmlLang, jsErrors, openNav, signInAs, signOut, submitLogin, switchLanguage, tableRows, waitForText } from './steps.js';
import { exactly, startsWith, t, texts } from './texts.js';

/**
 * The platform around the directory: the first start, signing in and out, languages remembered
 * per user, roles and confidential records, two people saving the same record, spreadsheet
 * import and export. Real server, real database, real browser.
 */

const INTERNATIONAL = 'international@demo.legato.local';
const PROTOCOL_NAME = 'Калоян Маринов';
const AURORA = 'Project Aurora (confidential investor)';

async function open(e: E2E, locale: Locale, name: string) {
  const { context, page } = await newPage(e, locale);
  context.setDefaultTimeout(15_000);
  onTestFailed(() => screenshot(page, `failed-${name}`).catch(() => {}));
  return { context, page };
}

/** The id of a demo organisation, looked up through the API as a script would. */
async function organizationId(e: E2E, q: string): Promise<string> {
  const client = e.server.client('en');
  await client.login(DEMO.admin, DEMO.password);
  const res = await client.get(`/api/organizations?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  expect(res.body.items.length).toBeGreaterThan(0);
  return res.body.items[0].id as string;
}

describe('a new installation', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ LEGATO_DEMO: '0' });
  });
  afterAll(async () => {
    await e?.close();
  });

  const ADMIN = { name: 'Мария Георгиева', email: 'maria.georgieva@obshtina.example', password: 'Dunav-Most-2026' };

  test('the first administrator sets Legato up, signs out and in, and keeps the chosen language', async () => {
    const tr = texts('en');
    const { page } = await open(e, 'en', 'setup');

    // An empty database: the browser asks for the first administrator.
    await page.goto(e.url + '/');
    await expectHeading(page, tr('auth:setup.title'));
    await expectAccessible(page, 'setup');
    await screenshot(page, 'setup-en');
    await page.getByRole('textbox', { name: tr('auth:fields.name') }).fill(ADMIN.name);
    await page.getByRole('textbox', { name: tr('auth:fields.email') }).fill(ADMIN.email);
    await page.getByLabel(startsWith(tr('auth:fields.password'))).and(page.locator('input')).fill(ADMIN.password);
    await page.getByLabel(tr('auth:fields.repeatPassword')).and(page.locator('input')).fill(ADMIN.password);
    await page.getByRole('button', { name: tr('auth:setup.submit') }).click();

    // Signed in at once, as an administrator.
    await expectHeading(page, tr('home:welcome', { name: ADMIN.name }));
    await page.getByRole('navigation', { name: tr('app:nav.label') }).getByRole('link', { name: tr('app:nav.users') }).waitFor();
    await expectAccessible(page, 'home after setup');

    // Sign out, and in again through the login form.
    await signOut(page, 'en', ADMIN.name);
    await signInAs(page, e.url, 'en', ADMIN.email, { password: ADMIN.password, switchTo: false });
    await expectHeading(page, tr('home:welcome', { name: ADMIN.name }));

    // Georgian from the header: the UI follows at once, and the account remembers it.
    await switchLanguage(page, 'ka');
    const ka = texts('ka');
    await expectHeading(page, ka('home:welcome', { name: ADMIN.name }));
    await page.getByRole('navigation', { name: ka('app:nav.label') }).getByRole('link', { name: exactly(ka('app:nav.organizations')) }).waitFor();
    await screenshot(page, 'home-after-switch-ka');
    // The browser still says English (the fixture sets it on every load): after a reload only
    // the account can bring Georgian back.
    await page.reload();
    await expectHeading(page, ka('home:welcome', { name: ADMIN.name }));
    expect(await htmlLang(page)).toBe('ka');
    expect(await page.evaluate(() => document.title)).toContain(ka('home:title'));

    // The same account in another browser (English): Georgian, because it is the account's.
    const other = await open(e, 'en', 'setup-other-browser');
    await signInAs(other.page, e.url, 'en', ADMIN.email, { password: ADMIN.password, switchTo: false });
    await expectHeading(other.page, ka('home:welcome', { name: ADMIN.name }));
    expect(await htmlLang(other.page)).toBe('ka');
    expect(jsErrors(other.page)).toEqual([]);
    await other.context.close();
    expect(jsErrors(page)).toEqual([]);
  });

  test('a wrong password is refused with a message in the UI language', async () => {
    for (const locale of LOCALES) {
      const { context, page } = await open(e, locale, `wrong-password-${locale}`);
      await page.goto(e.url + '/');
      await expectHeading(page, t(locale, 'auth:login.title'));
      await submitLogin(page, locale, ADMIN.email, 'not-the-password');
      const alert = page.getByRole('alert').filter({ hasText: t(locale, 'auth:login.failed') });
      await waitForText(alert, PROBLEM_MESSAGES.invalid_credentials[locale]);
      // The password field is emptied for the next try; the e-mail stays.
      expect(await page.getByLabel(t(locale, 'auth:fields.password')).and(page.locator('input')).inputValue()).toBe('');
      expect(await page.getByRole('textbox', { name: t(locale, 'auth:fields.email') }).inputValue()).toBe(ADMIN.email);
      expect(await htmlLang(page)).toBe(locale);
      await expectAccessible(page, `login error (${locale})`);
      await screenshot(page, `login-error-${locale}`);
      expect(jsErrors(page)).toEqual([]);
      await context.close();
    }
  });
});

describe('with the demo data', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  test('an administrator creates a viewer account; the viewer can read but not change', async () => {
    const tr = texts('en');
    const admin = await open(e, 'en', 'viewer-admin');
    await signInAs(admin.page, e.url, 'en', DEMO.admin);
    await openNav(admin.page, 'en', 'users');
    await expectHeading(admin.page, tr('users:title'));
    await admin.page.getByRole('button', { name: tr('users:create.open') }).click();
    const modal = admin.page.getByRole('dialog', { name: tr('users:create.title') });
    await modal.getByRole('textbox', { name: tr('users:fields.name') }).fill('Кабинет на кмета (четене)');
    await modal.getByRole('textbox', { name: tr('users:fields.email') }).fill('mayor.office@demo.legato.local');
    await choose(admin.page, modal.getByRole('combobox', { name: tr('users:fields.role') }), tr('app:roles.viewer'));
    await choose(admin.page, modal.getByRole('combobox', { name: tr('users:fields.language') }), tr('app:languageNames.en'));
    await modal.getByLabel(tr('users:fields.initialPassword')).and(admin.page.locator('input')).fill('Read-only-2026');
    await expectAccessible(admin.page, 'create-user modal');
    await screenshot(admin.page, 'users-create-en');
    await modal.getByRole('button', { name: tr('users:create.submit') }).click();
    await admin.page.getByText(tr('users:create.done', { name: 'Кабинет на кмета (четене)' })).waitFor();
    await modal.waitFor({ state: 'detached' });
    const row = admin.page.getByRole('row').filter({ hasText: 'mayor.office@demo.legato.local' });
    await waitForText(row, tr('app:roles.viewer'));
    expect(jsErrors(admin.page)).toEqual([]);
    await admin.context.close();

    // The viewer: lists and records, but no button to create, edit or delete anything.
    const viewer = await open(e, 'en', 'viewer');
    await signInAs(viewer.page, e.url, 'en', 'mayor.office@demo.legato.local', { password: 'Read-only-2026', switchTo: false });
    expect(await htmlLang(viewer.page)).toBe('en');
    const nav = viewer.page.getByRole('navigation', { name: tr('app:nav.label') });
    expect(await nav.getByRole('link', { name: exactly(tr('app:nav.import')) }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: exactly(tr('app:nav.users')) }).count()).toBe(0);
    await openNav(viewer.page, 'en', 'organizations');
    await tableRows(viewer.page, 'organizations-table');
    expect(await viewer.page.getByTestId('new-organization').count()).toBe(0);
    expect(await viewer.page.getByRole('link', { name: tr('organizations:list.new') }).count()).toBe(0);
    await filterList(viewer.page, viewer.page.getByRole('searchbox', { name: tr('organizations:list.search') }), 'Zugdidi', '/api/organizations', 'organizations-table');
    await viewer.page.getByRole('link', { name: 'Zugdidi Municipality', exact: true }).click();
    await expectHeading(viewer.page, 'Zugdidi Municipality');
    await waitForText(viewer.page.getByTestId('timeline'), 'Planning a youth exchange for next summer');
    expect(await viewer.page.getByTestId('edit').count()).toBe(0);
    expect(await viewer.page.getByTestId('delete').count()).toBe(0);
    expect(await viewer.page.getByTestId('add-interaction').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: tr('organizations:detail.delete') }).count()).toBe(0);
    await expectAccessible(viewer.page, 'organisation detail for a viewer');
    await screenshot(viewer.page, 'viewer-organization-en');
    expect(jsErrors(viewer.page)).toEqual([]);
    await viewer.context.close();
  });

  test('a confidential record is seen by its owner and the administrator, and by nobody else', async () => {
    const search = async (page: Page, locale: Locale) => {
      await openNav(page, locale, 'organizations');
      await filterList(page, page.getByRole('searchbox', { name: t(locale, 'organizations:list.search') }), 'Aurora', '/api/organizations', 'organizations-table');
    };

    // The owner (protocol@) finds it, marked confidential, and opens it.
    const owner = await open(e, 'en', 'confidential-owner');
    await signInAs(owner.page, e.url, 'en', DEMO.specialist);
    await search(owner.page, 'en');
    const ownerRow = owner.page.getByTestId('organizations-table').locator('tbody tr').filter({ hasText: AURORA });
    await waitForText(ownerRow, t('en', 'ui:confidential.badge'));
    await expectAccessible(owner.page, 'list with a confidential record');
    await ownerRow.getByRole('link', { name: AURORA }).click();
    await expectHeading(owner.page, AURORA);
    await waitForText(owner.page.getByTestId('timeline'), 'Confidential: first round of negotiations');
    const url = owner.page.url();
    await owner.context.close();

    // The administrator sees it too.
    const admin = await open(e, 'bg', 'confidential-admin');
    await signInAs(admin.page, e.url, 'bg', DEMO.admin);
    await search(admin.page, 'bg');
    await admin.page.getByTestId('organizations-table').getByRole('link', { name: 'Проект „Аврора“ (поверителен инвеститор)' }).waitFor();
    await admin.page.goto(url);
    await expectHeading(admin.page, 'Проект „Аврора“ (поверителен инвеститор)');
    await admin.context.close();

    // The other specialist (whose account is in Georgian) neither finds it nor opens its address.
    const other = await open(e, 'en', 'confidential-other');
    await signInAs(other.page, e.url, 'en', INTERNATIONAL, { switchTo: false });
    expect(await htmlLang(other.page)).toBe('ka');
    await search(other.page, 'ka');
    await other.page.getByTestId('organizations-table').getByText(t('ka', 'organizations:list.emptyFiltered')).waitFor();
    await other.page.goto(url);
    await expectHeading(other.page, t('ka', 'ui:errors.notFoundTitle'));
    await waitForText(other.page.getByRole('main').getByRole('alert'), PROBLEM_MESSAGES.not_found.ka);
    expect(await other.page.getByText('Aurora').count()).toBe(0);
    await expectAccessible(other.page, 'not found');
    await screenshot(other.page, 'not-found-ka');
    expect(jsErrors(other.page)).toEqual([]);
    await other.context.close();
  });

  test('two people save the same organisation: the second is told who, keeps what they typed, and saves', async () => {
    const id = await organizationId(e, 'Varna');
    const edit = `${e.url}/organizations/${id}/edit`;

    const first = await open(e, 'en', 'conflict-first');
    await signInAs(first.page, e.url, 'en', DEMO.specialist);
    const second = await open(e, 'ka', 'conflict-second');
    await signInAs(second.page, e.url, 'ka', INTERNATIONAL);

    // Both open the edit form of the same version.
    for (const [page, locale] of [[first.page, 'en'], [second.page, 'ka']] as const) {
      await page.goto(edit);
      // Varna has no Georgian name: the Georgian UI shows the original, Bulgarian one.
      await expectHeading(page, t(locale, 'organizations:form.editTitle', { name: locale === 'en' ? 'Varna Municipality' : 'Община Варна' }));
    }

    // The first saves a new phone number.
    await first.page.getByRole('textbox', { name: t('en', 'organizations:fields.phone'), exact: true }).fill('+359 52 820 100');
    await first.page.getByTestId('save').click();
    await first.page.waitForURL(`${e.url}/organizations/${id}`);
    await waitForText(first.page.getByRole('region', { name: t('en', 'organizations:detail.details') }), '+359 52 820 100');

    // The second, still on the old version, changes the city and saves: refused, with who did it.
    const ka = texts('ka');
    const city = second.page.getByRole('textbox', { name: ka('organizations:fields.city'), exact: true });
    await city.fill('Варна (морска столица)');
    await second.page.getByTestId('save').click();
    const alert = second.page.getByTestId('conflict-alert');
    await waitForText(alert, ka('ui:conflict.title'));
    await waitForText(alert, PROTOCOL_NAME);
    expect(await city.inputValue()).toBe('Варна (морска столица)');
    await expectAccessible(second.page, 'version conflict');
    await screenshot(second.page, 'conflict-ka');

    // Reload their version: their phone comes in, the typed city stays; then saving works.
    await alert.getByRole('button', { name: ka('ui:conflict.reload') }).click();
    await waitForText(alert, ka('ui:conflict.reloadedTitle'));
    expect(await city.inputValue()).toBe('Варна (морска столица)');
    expect(await second.page.getByRole('textbox', { name: ka('organizations:fields.phone'), exact: true }).inputValue()).toBe('+359 52 820 100');
    await screenshot(second.page, 'conflict-reloaded-ka');
    await second.page.getByTestId('save').click();
    await second.page.waitForURL(`${e.url}/organizations/${id}`);
    const details = second.page.getByRole('region', { name: ka('organizations:detail.details') });
    await waitForText(details, 'Варна (морска столица)');
    await waitForText(details, '+359 52 820 100');
    expect(jsErrors(first.page)).toEqual([]);
    expect(jsErrors(second.page)).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  test('a spreadsheet is imported: columns mapped, the bad row reported by number, the good rows listed', async () => {
    const tr = texts('en');
    const file = path.join(tmpDir(), 'partners.csv');
    fs.writeFileSync(
      file,
      [
        'Име,Държава,Град,Имейл,Бележка',
        'Община Велико Търново,BG,Велико Търново,info@veliko-tarnovo.example,Побратимяване от 2027',
        'ქალაქ თელავის მერია,GE,თელავი,info@telavi.example,',
        'Broken Row Ltd,BG,Ruse,not-an-e-mail,',
      ].join('\n'),
    );
    const { page } = await open(e, 'en', 'import');
    await signInAs(page, e.url, 'en', DEMO.specialist);
    await openNav(page, 'en', 'import');
    await expectHeading(page, tr('imports:title'));
    await expectAccessible(page, 'import: file');
    await page.getByLabel(tr('imports:file.label')).and(page.locator('input[type=file]')).setInputFiles(file);
    await page.getByTestId('import-upload').click();

    // Columns: Bulgarian headers are recognised; the notes column is mapped by hand.
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    await waitForText(page.getByRole('main'), tr('imports:mapping.intro', { count: 3, file: 'partners.csv' }));
    const fieldFor = (column: string) => page.getByRole('combobox', { name: tr('imports:mapping.fieldFor', { column }) });
    expect(await fieldFor('Име').inputValue()).toBe(tr('imports:fields.organizations.name'));
    expect(await fieldFor('Държава').inputValue()).toBe(tr('imports:fields.organizations.country'));
    expect(await fieldFor('Град').inputValue()).toBe(tr('imports:fields.organizations.city'));
    expect(await fieldFor('Имейл').inputValue()).toBe(tr('imports:fields.organizations.email'));
    expect(await fieldFor('Бележка').inputValue()).toBe(tr('imports:mapping.ignore'));
    await choose(page, fieldFor('Бележка'), tr('imports:fields.organizations.notes'));
    await expectAccessible(page, 'import: columns');
    await screenshot(page, 'import-mapping-en');
    await page.getByTestId('import-check').click();

    // Check: two valid rows, the bad one reported with its row number (the header is row 1).
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const bad = errors.locator('tbody tr');
    expect(await bad.count()).toBe(1);
    expect((await bad.locator('td').allInnerTexts()).map((s) => s.trim()).slice(0, 2)).toEqual(['4', tr('imports:fields.organizations.email')]);
    await expectAccessible(page, 'import: check');
    await screenshot(page, 'import-check-en');
    await page.getByTestId('import-run').click();

    const result = page.getByTestId('import-result');
    await waitForText(result, tr('imports:done.body', { n: 2, total: 3 }));
    await expectAccessible(page, 'import: done');
    await result.getByRole('link', { name: tr('imports:done.openOrganizations') }).click();
    await tableRows(page, 'organizations-table');
    const table = page.getByTestId('organizations-table');
    await table.getByRole('link', { name: 'Община Велико Търново' }).waitFor();
    await table.getByRole('link', { name: 'ქალაქ თელავის მერია' }).waitFor();
    expect(await table.getByText('Broken Row Ltd').count()).toBe(0);

    // The imported notes arrived with the record.
    await table.getByRole('link', { name: 'Община Велико Търново' }).click();
    await waitForText(page.getByRole('region', { name: tr('organizations:detail.details') }), 'Побратимяване от 2027');
    expect(jsErrors(page)).toEqual([]);
  });

  test('the organisations list exports as CSV, names in their own scripts', async () => {
    const tr = texts('bg');
    const { page } = await open(e, 'bg', 'export');
    await signInAs(page, e.url, 'bg', DEMO.specialist);
    await openNav(page, 'bg', 'organizations');
    await tableRows(page, 'organizations-table');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: tr('organizations:list.exportCsvLabel') }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Община Русе');
    expect(csv).toContain('ზუგდიდის მუნიციპალიტეტი');
    // A header, then every organisation this specialist may see (the list's total).
    const client = e.server.client('bg');
    await client.login(DEMO.specialist, DEMO.password);
    const { total } = (await client.get('/api/organizations?pageSize=1')).body as { total: number };
    expect(total).toBeGreaterThanOrEqual(36);
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows.length).toBe(1 + total);
    expect(jsErrors(page)).toEqual([]);
  });
});
