import path from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { countryName } from '../src/contracts/common/countries.js';
import { DEMO, LOCALES, SCREENSHOTS, expectAccessible, newPage, screenshot, startE2E, type E2E, type Locale } from './fixtures.js';
import { choose, expectHeading, filterList, htmlLang, jsErrors, openNav, signInAs, tableRows, waitForText } from './steps.js';
import { exactly, texts } from './texts.js';

/**
 * A specialist's day in the partner directory, once in each interface language: sign in, find
 * partners across scripts, keep a record up to date, add people, search, read the
 * accessibility statement; every page checked with axe-core and photographed.
 */

const SPECIALIST_NAME = 'Калоян Маринов';

/** Demo records as each language shows them (names are data in several languages). */
const ZUGDIDI: Record<Locale, string> = { bg: 'Община Зугдиди', ka: 'ზუგდიდის მუნიციპალიტეტი', en: 'Zugdidi Municipality' };

/** Per language: what the specialist types, in another script than the UI's. */
const RUN: Record<
  Locale,
  {
    filter: string;
    org: { bg: string; ka: string; en: string; city: string; newCity: string };
    interaction: string;
    person: { name: string; latin: string };
    search: string;
    personFilter: string;
  }
> = {
  bg: {
    filter: 'Zugdidi',
    org: { bg: 'Община Мцхета', ka: 'მცხეთის მუნიციპალიტეტი', en: 'Mtskheta Municipality', city: 'Мцхета', newCity: 'მცხეთა' },
    interaction: 'Телефонен разговор: покана за Дните на Русе',
    person: { name: 'Гергана Димитрова', latin: 'Gergana Dimitrova' },
    search: 'Русе',
    personFilter: 'Kharebava',
  },
  ka: {
    filter: 'Зугдиди',
    org: { bg: 'Община Телави', ka: 'თელავის მუნიციპალიტეტი', en: 'Telavi Municipality', city: 'Telavi', newCity: 'თელავი' },
    interaction: 'სატელეფონო ზარი: მოწვევა რუსეს დღეებზე',
    person: { name: 'ნინო ბერიძე', latin: 'Nino Beridze' },
    search: 'ზუგდიდი',
    personFilter: 'Кирилов',
  },
  en: {
    filter: 'ზუგდიდი',
    org: { bg: 'Община Гори', ka: 'გორის მუნიციპალიტეტი', en: 'Gori Municipality', city: 'Gori', newCity: 'გორი' },
    interaction: 'Phone call: invitation to Ruse Days',
    person: { name: 'Здравко Петров', latin: 'Zdravko Petrov' },
    search: 'Русе',
    personFilter: 'Lindqvist',
  },
};

/** How many organisations the server lists for this account. */
async function organizationsTotal(e: E2E, email: string): Promise<number> {
  const client = e.server.client();
  await client.login(email, DEMO.password);
  return ((await client.get('/api/organizations?pageSize=1')).body as { total: number }).total;
}

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('the partner directory, in each interface language', () => {
  for (const locale of LOCALES) {
    test(`a specialist works in ${locale}`, async () => {
      const tr = texts(locale);
      const run = RUN[locale];
      const { context, page } = await newPage(e, locale);
      context.setDefaultTimeout(15_000);
      const shot = (name: string) => screenshot(page, `${name}-${locale}`);
      onTestFailed(() => screenshot(page, `failed-directory-${locale}`).catch(() => {}));

      // Signed out: the login form and the public accessibility statement, in the chosen language.
      await page.goto(e.url + '/');
      await page.getByRole('heading', { level: 1, name: tr('auth:login.title') }).waitFor();
      expect(await htmlLang(page)).toBe(locale);
      await expectAccessible(page, `login (${locale})`);
      await shot('login');

      await page.getByRole('link', { name: tr('app:footer.accessibility') }).click();
      await expectHeading(page, tr('accessibility:title'));
      const mailto = page.getByRole('link', { name: tr('accessibility:feedback.link') });
      expect(await mailto.getAttribute('href')).toMatch(/^mailto:[^@]+@[^?]+\?subject=/);
      expect(decodeURIComponent((await mailto.getAttribute('href'))!)).toContain(tr('accessibility:feedback.subject'));
      await expectAccessible(page, `accessibility statement (${locale})`);
      await shot('accessibility');
      await page.getByRole('banner').getByRole('link', { name: tr('app:signIn') }).click();

      // Sign in: the UI takes the account's language; the specialist picks theirs in the header.
      await signInAs(page, e.url, locale, DEMO.specialist);
      expect(await htmlLang(page)).toBe(locale);
      await expectHeading(page, tr('home:welcome', { name: SPECIALIST_NAME }));
      await expectAccessible(page, `home (${locale})`);
      await shot('home');

      // The organisations list, with the demo partners.
      await openNav(page, locale, 'organizations');
      await expectHeading(page, tr('organizations:list.title'));
      const rows = await tableRows(page, 'organizations-table');
      expect(await rows.count()).toBe(25);
      // The 36 demo organisations (the confidential one is this specialist's own), and whatever
      // an earlier language's run left if it failed half-way: the list says what the server has.
      const total = await organizationsTotal(e, DEMO.specialist);
      expect(total).toBeGreaterThanOrEqual(36);
      await page.getByText(tr('ui:table.range', { from: 1, to: 25, total })).waitFor();
      await expectAccessible(page, `organisations list (${locale})`);
      await shot('organizations-list');
      if (locale === 'en') await page.screenshot({ path: path.join(SCREENSHOTS, 'organizations-list-en-viewport.png') });

      // Filter in another script: the Georgian twin city, named in the UI language.
      await filterList(page, page.getByRole('searchbox', { name: tr('organizations:list.search') }), run.filter, '/api/organizations', 'organizations-table');
      const zugdidi = page.getByTestId('organizations-table').getByRole('link', { name: ZUGDIDI[locale], exact: true });
      await zugdidi.waitFor();
      await shot('organizations-filtered');

      // Its detail page and timeline.
      await zugdidi.click();
      await expectHeading(page, ZUGDIDI[locale]);
      await waitForText(page.getByTestId('timeline'), 'Planning a youth exchange for next summer');
      await expectAccessible(page, `organisation detail (${locale})`);
      await shot('organization-detail');

      // A new organisation with its name in three languages.
      await page.getByRole('link', { name: tr('organizations:list.title') }).first().click();
      await page.getByTestId('new-organization').click();
      await expectHeading(page, tr('organizations:form.newTitle'));
      await expectAccessible(page, `organisation form (${locale})`);
      await choose(page, page.getByRole('combobox', { name: tr('organizations:fields.kind'), exact: true }), tr('organizations:kinds.partner_city'));
      await choose(page, page.getByRole('combobox', { name: tr('ui:fields.country'), exact: true }), countryName('GE', locale), 'GE');
      await page.getByRole('textbox', { name: tr('organizations:fields.city'), exact: true }).fill(run.org.city);
      // The name in three languages; Georgian first, so it becomes the original.
      const names = page.getByRole('group', { name: tr('organizations:fields.name'), exact: true });
      await names.locator('input[lang="ka"]').fill(run.org.ka);
      await names.locator('input[lang="bg"]').fill(run.org.bg);
      await names.locator('input[lang="en"]').fill(run.org.en);
      // Similar names already in the directory are pointed out while typing.
      await page.getByTestId('similar-while-typing').getByText(tr('ui:duplicates.whileTypingTitle')).waitFor();
      await shot('organization-form');
      await page.getByTestId('save').click();
      await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
      const orgUrl = page.url();
      const orgName = run.org[locale];
      await expectHeading(page, orgName);
      const details = page.getByRole('region', { name: tr('organizations:detail.details') });
      for (const text of [run.org.bg, run.org.ka, run.org.en, run.org.city, countryName('GE', locale), tr('organizations:detail.original')]) await waitForText(details, text);

      // Edit: a new city; the change shows and the History tab lists it.
      await page.getByTestId('edit').click();
      await expectHeading(page, tr('organizations:form.editTitle', { name: orgName }));
      await page.getByRole('textbox', { name: tr('organizations:fields.city'), exact: true }).fill(run.org.newCity);
      await page.getByTestId('save').click();
      await page.waitForURL(orgUrl);
      await waitForText(details, run.org.newCity);
      await page.getByRole('tab', { name: tr('organizations:detail.historyTab') }).click();
      const history = page.getByTestId('history');
      await waitForText(history, tr('app:audit.actions.update'));
      await waitForText(history, `${tr('organizations:fields.city')}: ${run.org.city}`);
      await waitForText(history, run.org.newCity);
      await waitForText(history, tr('app:audit.actions.create'));
      await expectAccessible(page, `organisation history (${locale})`);
      await shot('organization-history');

      // An interaction on the timeline.
      await page.getByRole('tab', { name: tr('organizations:detail.timelineTab') }).click();
      const timeline = page.getByTestId('timeline');
      await waitForText(timeline, tr('interactions:timeline.empty'));
      await page.getByTestId('add-interaction').click();
      const entryForm = page.getByRole('form', { name: tr('interactions:form.addTitle') });
      await choose(page, entryForm.getByRole('combobox', { name: tr('interactions:fields.kind'), exact: true }), tr('interactions:kinds.call'));
      await entryForm.getByRole('textbox', { name: tr('interactions:fields.subject') }).fill(run.interaction);
      await expectAccessible(page, `timeline entry form (${locale})`);
      await page.getByTestId('save-interaction').click();
      await page.getByRole('heading', { name: run.interaction }).waitFor();
      await waitForText(timeline, tr('interactions:kinds.call'));
      await waitForText(timeline, tr('interactions:timeline.recordedBy', { name: SPECIALIST_NAME }));
      await shot('organization-timeline');

      // People: find one across scripts and open their page.
      await openNav(page, locale, 'people');
      await expectHeading(page, tr('people:list.title'));
      await tableRows(page, 'people-table');
      await expectAccessible(page, `people list (${locale})`);
      await shot('people-list');
      await filterList(page, page.getByRole('searchbox', { name: tr('people:list.search') }), run.personFilter, '/api/people', 'people-table');
      const found = page.getByTestId('people-table').locator('tbody tr');
      await expect.poll(() => found.count()).toBe(1);
      const personName = (await found.first().getByRole('link').first().innerText()).trim();
      await found.first().click();
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await expectHeading(page, personName);
      await page.getByTestId('timeline').waitFor();
      await expectAccessible(page, `person detail (${locale})`);
      await shot('person-detail');

      // A new person: the name in Latin letters is proposed while the name is typed.
      await page.getByRole('link', { name: tr('people:list.title') }).first().click();
      await page.getByTestId('new-person').click();
      await expectHeading(page, tr('people:form.newTitle'));
      await page.getByRole('textbox', { name: tr('people:fields.name'), exact: true }).pressSequentially(run.person.name);
      const latin = page.getByRole('textbox', { name: tr('people:fields.nameLatin') });
      await waitForText(latin, exactly(run.person.latin), { value: true });
      await expectAccessible(page, `person form (${locale})`);
      await shot('person-form');
      await page.getByTestId('save').click();
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await expectHeading(page, run.person.name);
      await page.getByText(run.person.latin, { exact: true }).first().waitFor();

      // Delete the new organisation, after confirming; it is gone from the list.
      await page.goto(orgUrl);
      await expectHeading(page, orgName);
      await page.getByTestId('delete').click();
      const dialog = page.getByRole('dialog', { name: tr('ui:confirmDelete.title', { name: orgName }) });
      await waitForText(dialog, tr('ui:confirmDelete.body', { what: tr('organizations:detail.what'), name: orgName }));
      await expectAccessible(page, `delete confirmation (${locale})`);
      await dialog.getByTestId('confirm-delete').click();
      await page.waitForURL((u) => u.pathname === '/organizations');
      await page.getByText(tr('organizations:detail.deleted', { name: orgName })).waitFor();
      await filterList(page, page.getByRole('searchbox', { name: tr('organizations:list.search') }), run.org.en.split(' ')[0]!, '/api/organizations', 'organizations-table');
      expect(await page.getByTestId('organizations-table').getByRole('link', { name: orgName }).count()).toBe(0);

      // Search with Ctrl+K, across scripts; Enter opens the highlighted result.
      await page.keyboard.press('Control+K');
      const search = page.getByRole('dialog', { name: tr('search:dialogLabel') });
      await search.waitFor();
      await page.keyboard.type(run.search);
      const firstResult = search.locator('[data-action]').first();
      await firstResult.waitFor();
      await expect.poll(() => search.locator('[data-action][data-selected]').count()).toBe(1);
      const title = (await search.locator('[data-action][data-selected] [class*="actionLabel"]').first().innerText()).trim();
      await expectAccessible(page, `search (${locale})`);
      await shot('search');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/(organizations|people)\/[0-9a-f-]{36}$/);
      await expectHeading(page, title);

      expect(await htmlLang(page)).toBe(locale);
      expect(jsErrors(page)).toEqual([]);
      await context.close();

      // The administrator's pages: users and the audit log.
      const admin = await newPage(e, locale);
      admin.context.setDefaultTimeout(15_000);
      await signInAs(admin.page, e.url, locale, DEMO.admin);
      await openNav(admin.page, locale, 'users');
      await expectHeading(admin.page, tr('users:title'));
      await admin.page.getByRole('cell', { name: SPECIALIST_NAME }).first().waitFor();
      await expectAccessible(admin.page, `users (${locale})`);
      await screenshot(admin.page, `users-${locale}`);
      await openNav(admin.page, locale, 'audit');
      await expectHeading(admin.page, tr('audit:title'));
      await admin.page.getByRole('cell', { name: exactly(tr('app:audit.actions.delete')) }).first().waitFor();
      await expectAccessible(admin.page, `audit log (${locale})`);
      await screenshot(admin.page, `audit-${locale}`);
      expect(await htmlLang(admin.page)).toBe(locale);
      expect(jsErrors(admin.page)).toEqual([]);
      await admin.context.close();
    });
  }
});
