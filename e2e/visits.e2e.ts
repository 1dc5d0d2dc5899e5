import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { countryName } from '../src/contracts/common/countries.js';
import { addDays, todayIn } from '../src/contracts/common/dates.js';
import { formatDay } from '../src/web/lib/format.js';
import { languageName } from '../src/web/ui/languages.js';
import type { Client } from '../src/server/test/harness.js';
import { DEMO, LOCALES, expectAccessible, newPage, screenshot, startE2E, tmpDir, type E2E, type Locale } from './fixtures.js';
import { choose, expectHeading, htmlLang, jsErrors, openNav, signInAs, tableRows, waitForText } from './steps.js';
import { exactly, startsWith, texts } from './texts.js';

/**
 * A protocol specialist prepares a three-day delegation visit: five guests (two from the
 * directory, three typed in Georgian with their Latin names), an interpreter, a hotel, twelve
 * programme items in Bulgarian and Georgian side by side, reordered by keyboard and by drag and
 * drop, a day moved; shares the programme with the guests (read on a phone, signed out, then
 * revoked) and prints it bilingual. Then every visit screen in bg, ka and en, checked with axe.
 */

const OFFICE_ZONE = 'Europe/Sofia';
const TITLE = { bg: 'Работно посещение на делегация от Кутаиси', ka: 'ქუთაისის დელეგაციის სამუშაო ვიზიტი რუსეში', en: 'Working visit of a delegation from Kutaisi' };
/** Guests typed in Georgian: the Latin form is proposed by the national transliteration. */
const TYPED_GUESTS = [
  { name: 'ნინო კაპანაძე', latin: 'Nino Kapanadze' },
  { name: 'დავით ლორთქიფანიძე', latin: 'Davit Lortkipanidze' },
  { name: 'თამარ ჩიქოვანი', latin: 'Tamar Chikovani' },
];
type Ml = { bg: string; ka: string; en?: string };
const ml = (t: Ml) => ({ original: 'bg', values: t.en ? { bg: t.bg, ka: t.ka, en: t.en } : { bg: t.bg, ka: t.ka } });
/** The programme, by day (0-based): [start, end, title, place]; the first item of day 0 is typed in the UI. */
const PROGRAMME: [number, string, string | null, Ml, Ml | null][] = [
  [0, '14:00', '15:00', { bg: 'Настаняване в хотела', ka: 'სასტუმროში განთავსება' }, { bg: 'Хотел „Дунавска перла“', ka: 'სასტუმრო „დუნაის მარგალიტი“' }],
  [0, '16:30', '17:30', { bg: 'Разходка в центъра на Русе', ka: 'გასეირნება რუსეს ცენტრში' }, null],
  [0, '19:30', '21:30', { bg: 'Вечеря, дадена от кмета', ka: 'ვახშამი მერის სახელით' }, { bg: 'Ресторант „Старият град“', ka: 'რესტორანი „ძველი ქალაქი“' }],
  [1, '09:30', '10:30', { bg: 'Среща в Общинския съвет', ka: 'შეხვედრა მუნიციპალურ საბჭოში' }, { bg: 'Зала на Общинския съвет', ka: 'მუნიციპალური საბჭოს დარბაზი' }],
  [1, '11:00', '12:30', { bg: 'Посещение в Русенския университет', ka: 'რუსეს უნივერსიტეტის მონახულება' }, null],
  [1, '13:00', '14:00', { bg: 'Обяд', ka: 'სადილი' }, null],
  [1, '15:00', '16:00', { bg: 'Работна среща: туризъм', ka: 'სამუშაო შეხვედრა: ტურიზმი' }, null],
  [1, '19:00', '21:00', { bg: 'Концерт в Държавна опера – Русе', ka: 'კონცერტი რუსეს სახელმწიფო ოპერაში' }, null],
  [2, '09:30', '10:30', { bg: 'Подписване на меморандум', ka: 'მემორანდუმის ხელმოწერა' }, null],
  [2, '11:00', '11:30', { bg: 'Обща снимка', ka: 'საერთო ფოტო' }, null],
  [2, '12:00', null, { bg: 'Изпращане', ka: 'გაცილება' }, null],
];
const UI_ITEM = { start: '10:00', end: '11:00', title: { bg: 'Среща с кмета на Община Русе', ka: 'შეხვედრა რუსეს მუნიციპალიტეტის მერთან' }, place: { bg: 'Общинска администрация, зала 1', ka: 'მერია, დარბაზი 1' } };

/** A 1×1 PNG, for a gift's photo. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let e: E2E;
let api: Client;
beforeAll(async () => {
  e = await startE2E();
  api = e.server.client();
  await api.login(DEMO.specialist, DEMO.password);
});
afterAll(async () => {
  await e?.close();
});

const ok = <T>(res: { status: number; body: T; text: string }) => {
  if (res.status >= 300) throw new Error(`${res.status} ${res.text}`);
  return res.body;
};
const personId = async (q: string) => (ok(await api.get(`/api/people?q=${encodeURIComponent(q)}`)) as { items: { id: string }[] }).items[0]!.id;

/** Picks a search-as-you-type option (an organisation, a person) whose text starts with `value`. */
async function pick(page: Page, input: Locator, search: string, value: string) {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: startsWith(value) }).first().click();
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** Picks one option of a Mantine MultiSelect, typing first. */
async function pickMany(page: Page, input: Locator, search: string, option: string | RegExp) {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

/** The titles of a programme day's items, in order, in the first column's language. */
const dayTitles = (day: Locator) => day.getByTestId('programme-item').evaluateAll((items) => items.map((li) => li.querySelector('[data-testid="item-title"]')?.textContent ?? ''));
const dayTimes = (day: Locator) => day.getByTestId('programme-item').evaluateAll((items) => items.map((li) => li.querySelector('[data-testid="item-time"]')?.textContent ?? ''));

describe('visits, delegations and business trips abroad', () => {
  test('a protocol specialist prepares a delegation visit, shares its programme and prints it', async () => {
    const locale: Locale = 'bg';
    const tr = texts(locale);
    const { context, page } = await newPage(e, locale, { acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    const shot = (name: string) => screenshot(page, `${name}-${locale}`);
    onTestFailed(() => screenshot(page, 'failed-visits').catch(() => {}));
    const today = todayIn(OFFICE_ZONE);
    const days = [addDays(today, 30), addDays(today, 31), addDays(today, 32)];

    await signInAs(page, e.url, locale, DEMO.specialist);
    await openNav(page, locale, 'visits');
    await expectHeading(page, tr('visits:list.title'));
    await tableRows(page, 'visits-table');
    await expectAccessible(page, 'visits list');

    // A new incoming visit, its title in three languages, from Kutaisi, hosted by the mayor.
    await page.getByTestId('new-visit').click();
    await expectHeading(page, tr('visits:form.newVisitTitle'));
    // A new visit starts in the office's zone (LEGATO_TIME_ZONE, from the session answer).
    await expect.poll(() => page.getByRole('combobox', { name: tr('visits:fields.timeZone'), exact: true }).inputValue()).toBe('Europe/Sofia');
    const title = page.getByRole('group', { name: tr('visits:fields.title'), exact: true });
    await title.locator('input[lang="bg"]').fill(TITLE.bg);
    await title.locator('input[lang="ka"]').fill(TITLE.ka);
    await title.locator('input[lang="en"]').fill(TITLE.en);
    await choose(page, page.getByRole('combobox', { name: tr('visits:fields.status'), exact: true }), tr('visits:statuses.confirmed'));
    await page.getByLabel(startsWith(tr('visits:fields.startDate'))).fill(days[0]!);
    await page.getByLabel(startsWith(tr('visits:fields.endDate'))).fill(days[2]!);
    await choose(page, page.getByRole('combobox', { name: tr('visits:fields.countryOf.visit'), exact: true }), countryName('GE', locale), 'GE');
    await page.getByRole('textbox', { name: tr('visits:fields.cityOf.visit'), exact: true }).fill('Кутаиси');
    await pick(page, page.getByRole('combobox', { name: tr('visits:fields.organizationOf.visit'), exact: true }), 'Kutaisi', 'Кметство Кутаиси');
    await pickMany(page, page.getByRole('combobox', { name: tr('visits:fields.guestLanguagesOf.visit') }), 'груз', exactly(languageName('ka', locale)));
    await pickMany(page, page.getByRole('combobox', { name: tr('visits:fields.officials.visit') }), 'Кирилов', startsWith('Пламен Веселинов Кирилов'));
    await expectAccessible(page, 'visit form');
    await shot('visit-form');
    await page.getByTestId('save').click();
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
    const visitUrl = page.url();
    const visitId = visitUrl.split('/').pop()!;
    await expectHeading(page, TITLE.bg);
    await waitForText(page.getByRole('region', { name: tr('visits:detail.details') }), 'Кметство Кутаиси');

    // Participants: a guest from the directory and one typed in Georgian, through the dialog.
    await page.getByRole('tab', { name: startsWith(tr('visits:tabs.participants')) }).click();
    await waitForText(page.getByTestId('participants-table'), 'Пламен Веселинов Кирилов');
    await page.getByTestId('add-participant').click();
    let dialog = page.getByRole('dialog', { name: tr('visits:participants.add') });
    await pick(page, dialog.getByRole('combobox', { name: tr('people:select.label') }), 'Surmava', 'ირაკლი სურმავა (Irakli Surmava)');
    await dialog.getByTestId('save-record').click();
    await waitForText(page.getByTestId('participants-table'), 'ირაკლი სურმავა');
    await page.getByTestId('add-participant').click();
    dialog = page.getByRole('dialog', { name: tr('visits:participants.add') });
    await dialog.locator('label', { hasText: tr('visits:participants.notInDirectory') }).click();
    await dialog.getByRole('textbox', { name: tr('visits:participants.name'), exact: true }).pressSequentially(TYPED_GUESTS[0]!.name);
    await waitForText(dialog.getByRole('textbox', { name: tr('people:fields.nameLatin') }), exactly(TYPED_GUESTS[0]!.latin), { value: true });
    await dialog.getByRole('textbox', { name: tr('visits:participants.position'), exact: true }).fill('მერის მოადგილე');
    await dialog.getByRole('textbox', { name: tr('visits:participants.dietaryNeeds') }).fill('Вегетарианка');
    await expectAccessible(page, 'participant dialog');
    await shot('participant-form');
    await dialog.getByTestId('save-record').click();
    await waitForText(page.getByTestId('participants-table'), TYPED_GUESTS[0]!.latin);

    // The rest through the API: a second directory guest, two more typed guests, the interpreter.
    const add = async (path: string, body: Record<string, unknown>) => ok(await api.post(`/api/${path}`, { visitId, ...body })) as { id: string };
    await add('visit-participants', { role: 'guest', personId: await personId('Todua') });
    for (const g of TYPED_GUESTS.slice(1)) await add('visit-participants', { role: 'guest', name: g.name, nameLatin: g.latin, organization: 'ქუთაისის მერია' });
    await add('visit-participants', { role: 'interpreter', name: 'Елена Петрова', nameLatin: 'Elena Petrova', position: 'Преводач от грузински' });
    await add('visit-tasks', { title: 'Заявка за полицейски ескорт', service: 'police_escort', dueDate: addDays(today, -1) });
    await add('visit-tasks', { title: 'Акредитация на медиите', service: 'press', dueDate: addDays(today, 5) });
    await page.reload();
    const participants = await tableRows(page, 'participants-table');
    await expect.poll(() => participants.count()).toBe(7);
    expect(await page.getByTestId('participants-table').getByText(tr('visits:roles.guest'), { exact: true }).count()).toBe(5);
    await waitForText(page.getByTestId('participants-table'), tr('visits:roles.interpreter'));
    await expectAccessible(page, 'participants');
    await shot('visit-participants');

    // Logistics: the hotel, from the directory; the overdue task says so in words.
    await page.getByRole('tab', { name: startsWith(tr('visits:tabs.logistics')) }).click();
    await page.getByTestId('add-accommodation').click();
    dialog = page.getByRole('dialog', { name: tr('visits:accommodation.add') });
    await pick(page, dialog.getByRole('combobox', { name: tr('visits:accommodation.hotel'), exact: true }), 'Дунавска', 'Хотел „Дунавска перла“');
    await dialog.getByRole('textbox', { name: tr('visits:accommodation.room') }).fill('301–305');
    await dialog.getByTestId('save-record').click();
    await waitForText(page.getByTestId('accommodation-table'), 'Хотел „Дунавска перла“');
    await waitForText(page.getByTestId('accommodation-table'), tr('visits:accommodation.everyone'));
    await waitForText(page.getByTestId('tasks'), tr('visits:tasks.overdue', { date: '' }).replace(/\s*$/, ''));
    // A task for a colleague the visit does not name yet: the assignee list offers every active account.
    await page.getByTestId('add-task').click();
    dialog = page.getByRole('dialog', { name: tr('visits:tasks.add') });
    await dialog.getByRole('textbox', { name: tr('visits:tasks.taskTitle'), exact: true }).fill('Превод на приветствието');
    await choose(page, dialog.getByRole('combobox', { name: tr('visits:tasks.assignee'), exact: true }), 'Irina Petrova-Lang');
    await dialog.getByTestId('save-record').click();
    await waitForText(page.getByTestId('tasks'), tr('visits:tasks.assigneeShort', { name: 'Irina Petrova-Lang' }));
    await expectAccessible(page, 'logistics');
    await shot('visit-logistics');

    // A gift given to the guests, with its photo.
    await page.getByRole('tab', { name: startsWith(tr('visits:tabs.gifts')) }).click();
    await page.getByTestId('add-gift').click();
    dialog = page.getByRole('dialog', { name: tr('visits:gifts.add') });
    await dialog.getByRole('textbox', { name: tr('visits:gifts.description') }).fill('Албум „Русе – малката Виена“');
    await dialog.locator('label', { hasText: tr('visits:participants.notInDirectory') }).click();
    await dialog.getByRole('textbox', { name: tr('visits:gifts.counterpart') }).fill('Делегацията на Кутаиси');
    await dialog.getByTestId('save-record').click();
    await waitForText(page.getByTestId('gifts-table'), 'Делегацията на Кутаиси');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('gift-photo-upload').click()]);
    await chooser.setFiles({ name: 'album.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
    await page.getByTestId('gifts-table').getByRole('link', { name: tr('visits:gifts.openPhoto', { name: 'Албум „Русе – малката Виена“' }) }).waitFor();
    await expectAccessible(page, 'gifts');

    // The programme: one item typed in the two languages side by side, eleven through the API.
    await page.getByRole('tab', { name: startsWith(tr('visits:tabs.programme')) }).click();
    const dayBox = (n: number) => page.getByTestId('programme-day').nth(n);
    await dayBox(0).getByTestId('add-item').click();
    dialog = page.getByRole('dialog', { name: tr('visits:programme.addTitle') });
    await dialog.getByRole('textbox', { name: tr('visits:programme.start'), exact: true }).fill(UI_ITEM.start);
    await dialog.getByRole('textbox', { name: tr('visits:programme.end'), exact: true }).fill(UI_ITEM.end);
    await dialog.locator('input[lang="bg"]').first().fill(UI_ITEM.title.bg);
    await dialog.locator('input[lang="ka"]').first().fill(UI_ITEM.title.ka);
    await dialog.locator('input[lang="bg"]').nth(1).fill(UI_ITEM.place.bg);
    await dialog.locator('input[lang="ka"]').nth(1).fill(UI_ITEM.place.ka);
    await expectAccessible(page, 'programme item dialog');
    await shot('programme-item-form');
    await dialog.getByTestId('save-record').click();
    await waitForText(dayBox(0), UI_ITEM.title.ka);
    for (const [n, start, end, t, place] of PROGRAMME) await add('programme-items', { day: days[n], start, end, title: ml(t), place: place ? ml(place) : null });
    await page.reload();
    await expect.poll(() => page.getByTestId('programme-item').count()).toBe(12);
    expect(await dayBox(0).getByTestId('programme-item').count()).toBe(4);

    // Keyboard: "Move down" on the first item of day 1; the items swap places and times.
    expect((await dayTitles(dayBox(0)))[0]).toBe(UI_ITEM.title.bg);
    await dayBox(0).getByRole('button', { name: tr('visits:programme.moveDown', { name: UI_ITEM.title.bg }) }).click();
    await expect.poll(() => dayTitles(dayBox(0))).toEqual([PROGRAMME[0]![3].bg, UI_ITEM.title.bg, PROGRAMME[1]![3].bg, PROGRAMME[2]![3].bg]);
    await expect.poll(() => dayTimes(dayBox(0))).toEqual(['10:00–11:00', '14:00–15:00', '16:30–17:30', '19:30–21:30']);
    // Focus stays on the moved item's button, so it can be pressed again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(tr('visits:programme.moveDown', { name: UI_ITEM.title.bg }));

    // Drag and drop: the lunch of day 2 dragged to the top of the day.
    const lunch = dayBox(1).getByTestId('programme-item').nth(2);
    const firstOfDay2 = dayBox(1).getByTestId('programme-item').first();
    await dayBox(1).scrollIntoViewIfNeeded();
    const handle = (await lunch.getByTestId('drag-handle').boundingBox())!;
    const dy = (await lunch.boundingBox())!.y - (await firstOfDay2.boundingBox())!.y;
    const [x, y] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++) await page.mouse.move(x, y - (dy * i) / 15);
    await page.mouse.up();
    await expect.poll(() => dayTitles(dayBox(1))).toEqual(['Обяд', 'Среща в Общинския съвет', 'Посещение в Русенския университет', 'Работна среща: туризъм', 'Концерт в Държавна опера – Русе']);
    expect((await dayTimes(dayBox(1)))[0]).toBe('09:30–10:30');

    // Move the last day one day later: the visit now ends a day later.
    await dayBox(2).getByTestId('move-day').click();
    dialog = page.getByRole('dialog', { name: tr('visits:programme.moveDayTitle', { day: formatDay(days[2]!, locale) }) });
    await expect.poll(() => dialog.getByTestId('move-day-to').inputValue()).toBe(addDays(days[2]!, 1));
    await expectAccessible(page, 'move day dialog');
    await dialog.getByTestId('move-day-submit').click();
    await expect.poll(() => page.getByTestId('programme-day').count()).toBe(4);
    expect(await dayBox(2).getByTestId('programme-item').count()).toBe(0);
    expect(await dayBox(3).getByTestId('programme-item').count()).toBe(3);
    await waitForText(dayBox(3).getByRole('heading'), formatDay(addDays(days[2]!, 1), locale));

    // Drag and drop onto another day: the farewell goes to the free day and keeps its time.
    // Both days in view: the last one centred, the free one just above it (once the smooth scroll has stopped).
    await dayBox(3).scrollIntoViewIfNeeded();
    const grip = dayBox(3).getByTestId('programme-item').last().getByTestId('drag-handle');
    let last = -1;
    await expect.poll(async () => { const y = (await grip.boundingBox())!.y; const still = y === last; last = y; return still; }, { interval: 100 }).toBe(true);
    const farewell = (await grip.boundingBox())!;
    const freeDay = (await dayBox(2).boundingBox())!;
    const [fx, fy] = [farewell.x + farewell.width / 2, farewell.y + farewell.height / 2];
    const [tx, ty] = [freeDay.x + freeDay.width / 2, freeDay.y + freeDay.height / 2];
    await page.mouse.move(fx, fy);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++) await page.mouse.move(fx + ((tx - fx) * i) / 15, fy + ((ty - fy) * i) / 15);
    await page.mouse.up();
    await expect.poll(() => dayTitles(dayBox(2))).toEqual([PROGRAMME[10]![3].bg]);
    expect(await dayTimes(dayBox(2))).toEqual(['12:00']);
    expect(await dayTitles(dayBox(3))).toEqual([PROGRAMME[8]![3].bg, PROGRAMME[9]![3].bg]);
    await expectAccessible(page, 'programme');
    await shot('visit-programme');

    // Share the programme in Georgian; the link is shown once.
    await page.getByRole('tab', { name: tr('visits:tabs.sharing') }).click();
    await choose(page, page.getByTestId('share-language'), languageName('ka', locale));
    await page.getByTestId('create-share-link').click();
    const shareUrl = await page.getByTestId('share-url').inputValue();
    expect(shareUrl).toMatch(new RegExp(`^${e.url}/p/[A-Za-z0-9_-]{20,}$`));
    await waitForText(page.getByTestId('share-links'), tr('visits:sharing.active'));
    await expectAccessible(page, 'sharing');
    await shot('visit-sharing');

    // A guest opens it on a phone, signed out: the programme in Georgian, nothing else.
    const phone = await newPage(e, 'en', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    onTestFailed(() => screenshot(phone.page, 'failed-public').catch(() => {}));
    await phone.page.goto(shareUrl);
    await phone.page.getByRole('heading', { level: 1, name: TITLE.ka }).waitFor({ timeout: 30_000 });
    expect(await htmlLang(phone.page)).toBe('ka');
    await waitForText(phone.page.getByRole('main'), UI_ITEM.title.ka);
    await waitForText(phone.page.getByRole('main'), PROGRAMME[8]![3].ka);
    expect(await phone.page.getByRole('main').innerText()).not.toContain(UI_ITEM.title.bg);
    expect(await phone.page.getByRole('navigation').count()).toBe(0);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone.page, 'public programme');
    await screenshot(phone.page, 'public-programme-phone-ka');

    // Revoked, with confirmation: the link no longer opens.
    await page.getByTestId('revoke-link').click();
    dialog = page.getByRole('dialog', { name: tr('visits:sharing.revokeTitle') });
    await expectAccessible(page, 'revoke dialog');
    await dialog.getByTestId('confirm-revoke').click();
    await waitForText(page.getByTestId('share-links'), tr('visits:sharing.revoked'));
    await phone.page.reload();
    await expectHeading(phone.page, texts('en')('visits:public.notFoundTitle'));
    await screenshot(phone.page, 'public-programme-revoked-en');
    expect(jsErrors(phone.page)).toEqual([]);
    await phone.context.close();

    // The bilingual programme (Bulgarian and Georgian side by side) as PDF.
    await page.getByRole('tab', { name: tr('visits:tabs.documents') }).click();
    const languages = page.getByTestId('programme-languages');
    await waitForText(page.getByRole('region', { name: tr('visits:documents.programme') }), languageName('ka', locale));
    await expectAccessible(page, 'documents');
    await shot('visit-documents');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('programme-pdf').click()]);
    expect(download.url()).toContain('lang=bg%2Cka');
    const pdf = path.join(tmpDir(), 'programme.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/[А-Яа-я]{4,}/);
    expect(text).toMatch(/[\u10D0-\u10FF]{4,}/);
    expect(text).toContain('Обяд');
    expect(text).toContain('სადილი');
    expect(await languages.count()).toBe(1);

    // The history tab records the rearrangements.
    await page.getByRole('tab', { name: tr('visits:tabs.history') }).click();
    await waitForText(page.getByTestId('history'), tr('app:audit.actions.update'));
    // With the records inside the visit, each named by its kind.
    await waitForText(page.getByTestId('history'), tr('visits:history.entities.programme_item'));
    await waitForText(page.getByTestId('history'), tr('visits:history.entities.visit_share_link'));
    await expectAccessible(page, 'history');
    await shot('visit-history');

    expect(jsErrors(page)).toEqual([]);
    await context.close();
    fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
  });

  for (const locale of LOCALES) {
    test(`the visit screens in ${locale}`, async () => {
      // The demo delegation from Zugdidi and the mayor's trip to Tbilisi.
      const list = ok(await api.get('/api/visits?pageSize=50')) as { items: { id: string; direction: string; title: { values: Record<string, string> } }[] };
      const delegation = list.items.find((v) => v.title.values.en === 'Official visit of a delegation from Zugdidi')!;
      const trip = list.items.find((v) => v.direction === 'outgoing')!;
      const mayor = await personId('Кирилов');
      const tr = texts(locale);
      const { context, page } = await newPage(e, locale);
      context.setDefaultTimeout(15_000);
      const shot = (name: string) => screenshot(page, `${name}-${locale}`);
      const scan = (label: string) => (locale === 'bg' ? Promise.resolve() : expectAccessible(page, `${label} (${locale})`));
      onTestFailed(() => screenshot(page, `failed-visits-${locale}`).catch(() => {}));
      await signInAs(page, e.url, locale, DEMO.specialist);

      await openNav(page, locale, 'visits');
      await expectHeading(page, tr('visits:list.title'));
      await tableRows(page, 'visits-table');
      await scan('visits list');
      await shot('visits-list');

      await page.getByTestId('new-trip').click();
      await expectHeading(page, tr('visits:form.newTripTitle'));
      await scan('trip form');
      await shot('trip-form');

      const tab = async (name: string, key: string) => {
        await page.goto(`${e.url}/visits/${delegation.id}?tab=${name}`);
        await expectHeading(page, delegation.title.values[locale]!);
        await page.getByRole('tabpanel').waitFor();
        await shot(key);
      };
      await tab('overview', 'visit-overview');
      await scan('visit overview');
      await tab('participants', 'visit-participants');
      await scan('participants');
      await tab('programme', 'visit-programme');
      await waitForText(page.getByTestId('programme-day').first(), 'დელეგაციის დახვედრა');
      await scan('programme');
      await shot('visit-programme');
      await tab('logistics', 'visit-logistics');
      await scan('logistics');
      await tab('gifts', 'visit-gifts');
      await scan('gifts');
      await tab('documents', 'visit-documents');
      await scan('documents');
      await tab('sharing', 'visit-sharing');
      await scan('sharing');
      await tab('history', 'visit-history');
      await scan('history');

      // The dialogs and the edit form in this language.
      await page.goto(`${e.url}/visits/${delegation.id}?tab=participants`);
      await page.getByTestId('add-participant').click();
      await page.getByRole('dialog', { name: tr('visits:participants.add') }).waitFor();
      await scan('participant dialog');
      await shot('participant-form');
      await page.keyboard.press('Escape');
      await page.goto(`${e.url}/visits/${delegation.id}?tab=programme`);
      await page.getByTestId('programme-day').first().getByTestId('add-item').click();
      await page.getByRole('dialog', { name: tr('visits:programme.addTitle') }).waitFor();
      await scan('programme item dialog');
      await shot('programme-item-form');
      await page.keyboard.press('Escape');
      await page.goto(`${e.url}/visits/${delegation.id}/edit`);
      await expectHeading(page, tr('visits:form.editTitle', { name: delegation.title.values[locale]! }));
      await scan('visit form');
      await shot('visit-form');

      await page.goto(`${e.url}/visits/${trip.id}?tab=trip`);
      await page.getByTestId('passport-warnings').waitFor();
      await waitForText(page.getByTestId('passport-warnings'), 'Пламен Веселинов Кирилов');
      await scan('trip tab');
      await shot('trip');

      await openNav(page, locale, 'gifts');
      await expectHeading(page, tr('visits:register.title'));
      await page.getByTestId('gifts-table').waitFor();
      await scan('gifts register');
      await shot('gifts-register');

      await page.goto(`${e.url}/people/${mayor}`);
      await page.getByTestId('passports').getByText(tr('passports:kinds.service')).first().waitFor();
      await scan('person passports');
      await shot('person-passports');

      expect(await htmlLang(page)).toBe(locale);
      expect(jsErrors(page)).toEqual([]);
      await context.close();

      // The shared programme in this language, on a phone.
      const link = ok(await api.post(`/api/visits/${delegation.id}/share-links`, { language: locale, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() })) as { token: string };
      const phone = await newPage(e, locale, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      onTestFailed(() => screenshot(phone.page, `failed-public-${locale}`).catch(() => {}));
      await phone.page.goto(`${e.url}/p/${link.token}`);
      await phone.page.getByRole('heading', { level: 1, name: delegation.title.values[locale]! }).waitFor({ timeout: 30_000 });
      if (locale !== 'ka') await expectAccessible(phone.page, `public programme (${locale})`);
      await screenshot(phone.page, `public-programme-${locale}`);
      await phone.context.close();
    });
  }
});
