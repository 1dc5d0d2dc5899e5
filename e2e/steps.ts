import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO, type Locale } from './fixtures.js';
import { exactly, t } from './texts.js';

/** What a user does again and again, written once: by labels and texts of the UI language. */

export const jsErrors = (page: Page): string[] => (page as Page & { jsErrors?: string[] }).jsErrors ?? [];

export const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Waits until the locator's text (or input value) satisfies `match`; fails with what it saw. */
export async function waitForText(locator: Locator, match: string | RegExp, opts: { value?: boolean; timeout?: number } = {}) {
  const read = () => (opts.value ? locator.inputValue() : locator.innerText()).catch(() => '');
  const ok = (s: string) => (typeof match === 'string' ? s.includes(match) : match.test(s));
  await expect.poll(read, { timeout: opts.timeout ?? 15_000, interval: 100 }).toSatisfy(ok);
}

/** The login form, filled and sent as a person would (the page must show it). */
export async function submitLogin(page: Page, locale: Locale, email: string, password = DEMO.password) {
  await page.getByRole('textbox', { name: t(locale, 'auth:fields.email') }).fill(email);
  await page.getByLabel(t(locale, 'auth:fields.password')).and(page.locator('input')).fill(password);
  await page.getByRole('button', { name: exactly(t(locale, 'auth:login.submit')) }).click();
}

/**
 * Signs in through the login form shown in `locale` and waits for the shell. After sign-in the
 * UI takes the account's own language; `switchTo` then picks `locale` in the header, as a user
 * who prefers another language would (the choice is saved to the account).
 */
export async function signInAs(page: Page, url: string, locale: Locale, email: string, opts: { switchTo?: boolean; password?: string } = {}) {
  if (!page.url().startsWith(url)) await page.goto(url + '/');
  await page.getByRole('heading', { level: 1, name: t(locale, 'auth:login.title') }).waitFor();
  await submitLogin(page, locale, email, opts.password);
  await page.locator('#app-navbar').waitFor();
  if (opts.switchTo !== false) await switchLanguage(page, locale);
}

/** Picks a language in the header switcher; signed in, waits until the account has saved it. */
export async function switchLanguage(page: Page, locale: Locale, opts: { signedIn?: boolean } = {}) {
  const radio = page.getByRole('banner').getByRole('radio', { name: t(locale, `app:languageNames.${locale}`) });
  if (await radio.isChecked()) return;
  // The radio input itself is hidden; people click its label (БГ / ქა / EN).
  const label = page.locator(`label[for="${await radio.getAttribute('id')}"]`);
  if (opts.signedIn === false) await label.click();
  else {
    const [saved] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH'), label.click()]);
    expect(saved.ok()).toBe(true);
  }
  await expect.poll(() => htmlLang(page)).toBe(locale);
}

/**
 * Chooses an option of a Mantine Select (or a searchable one, typing `search` first). A layout
 * shift (a panel appearing above) can close the dropdown under the pointer: then it is opened
 * again, as a person would.
 */
export async function choose(page: Page, input: Locator, option: string, search?: string) {
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if (search !== undefined) await input.fill(search);
    try {
      await page.getByRole('option', { name: option, exact: true }).click({ timeout: attempt < 3 ? 5_000 : undefined });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await expect.poll(() => input.inputValue()).toBe(option);
}

/** Follows a link of the main navigation. */
export async function openNav(page: Page, locale: Locale, item: string) {
  await page.getByRole('navigation', { name: t(locale, 'app:nav.label') }).getByRole('link', { name: exactly(t(locale, `app:nav.${item}`)) }).click();
}

/** The page's h1, once it shows `text`. */
export async function expectHeading(page: Page, text: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1 });
  await waitForText(h1.first(), text);
}

/** Rows of a DataTable (by its data-testid), once loaded and not busy. */
export async function tableRows(page: Page, testId: string): Promise<Locator> {
  const table = page.getByTestId(testId);
  await table.locator('tbody tr').first().waitFor();
  await expect.poll(() => table.getAttribute('aria-busy')).toBeNull();
  return table.locator('tbody tr');
}

/** The user menu → Sign out; waits for the login form. */
export async function signOut(page: Page, locale: Locale, userName: string) {
  await page.getByRole('button', { name: t(locale, 'app:userMenu.label', { name: userName }) }).click();
  await page.getByRole('menuitem', { name: t(locale, 'app:userMenu.signOut') }).click();
  await page.getByRole('heading', { level: 1, name: t(locale, 'auth:login.title') }).waitFor();
}

/** Types into a list's search filter and waits for the list the server answers for it. */
export async function filterList(page: Page, searchbox: Locator, text: string, api: '/api/organizations' | '/api/people', testId: string) {
  const answered = page.waitForResponse((r) => {
    const u = new URL(r.url());
    return u.pathname === api && u.searchParams.get('q') === text.trim();
  });
  await searchbox.fill(text);
  await answered;
  await expect.poll(() => page.getByTestId(testId).getAttribute('aria-busy')).toBeNull();
}
