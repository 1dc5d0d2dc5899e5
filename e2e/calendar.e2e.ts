import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import type { Client } from '../src/server/test/harness.js';
import { DEMO, LOCALES, expectAccessible, newPage, screenshot, startE2E, type E2E, type Locale } from './fixtures.js';
import { expectHeading, jsErrors, signInAs, waitForText } from './steps.js';
import { formatGeorgianDate } from '../src/web/lib/format.js';
import { t } from './texts.js';

/**
 * The calendar: the demo delegation's month in bg, ka and en with axe scans; a second visit booked
 * at the same time for the mayor is flagged as a conflict (marker and list, in words); the
 * specialist subscribes to their feed and the address answers text/calendar.
 */
let e: E2E;
let api: Client;
let visit: { id: string; startDate: string };
let mayor: { id: string; name: string };

beforeAll(async () => {
  e = await startE2E();
  api = e.server.client();
  await api.login(DEMO.specialist, DEMO.password);
  const list = (await api.get('/api/visits?direction=incoming&sort=startDate')).body.items;
  visit = (await api.get(`/api/visits/${list[0].id}`)).body;
  const host = (visit as unknown as { participants: { role: string; person: { id: string; name: string } | null }[] }).participants.find((p) => p.role === 'host' && p.person)!;
  mayor = host.person!;
  // Another visit on the first day: the mayor hosts it at 16:15, while meeting the delegation at 16:00.
  const other = await api.post('/api/visits', { direction: 'incoming', title: { original: 'bg', values: { bg: 'Среща с посланика на Италия', ka: 'შეხვედრა იტალიის ელჩთან', en: 'Meeting the Ambassador of Italy' } }, startDate: visit.startDate, endDate: visit.startDate });
  expect(other.status, other.text).toBe(201);
  const p = await api.post('/api/visit-participants', { visitId: other.body.id, role: 'host', personId: mayor.id });
  const item = await api.post('/api/programme-items', { visitId: other.body.id, day: visit.startDate, start: '16:15', end: '16:45', title: other.body.title, attendeeIds: [p.body.id] });
  expect(item.status, item.text).toBe(201);
  // The delegation's meeting with the mayor must list him as an attendee for the clash to count.
  const full = (await api.get(`/api/visits/${visit.id}`)).body as { version: number; participants: { id: string; person: { id: string } | null }[]; programme: { id: string; version: number; start: string; day: string; attendeeIds: string[] }[] };
  const mayorParticipant = full.participants.find((x) => x.person?.id === mayor.id)!;
  const meeting = full.programme.find((x) => x.day === visit.startDate && x.start === '16:00')!;
  if (!meeting.attendeeIds.includes(mayorParticipant.id)) {
    const res = await api.patch(`/api/programme-items/${meeting.id}`, { version: meeting.version, attendeeIds: [...meeting.attendeeIds, mayorParticipant.id] });
    expect(res.status, res.text).toBe(200);
  }
});
afterAll(async () => {
  await e?.close();
});

describe('calendar', () => {
  for (const locale of LOCALES) {
    test(`month with the demo visit and a conflict, agenda per official (${locale})`, async () => {
      // The office's zone, as on its computers (headless Chromium would be in UTC).
      const { context, page } = await newPage(e, locale, { timezoneId: 'Europe/Sofia' });
      onTestFailed(async () => {
        await screenshot(page, `calendar-failed-${locale}`).catch(() => undefined);
      });
      await signInAs(page, e.url, locale as Locale, DEMO.specialist);
      await page.getByRole('link', { name: t(locale, 'app:nav.calendar') }).click();
      await expectHeading(page, t(locale, 'calendar:title'));
      await page.goto(`${e.url}/calendar?date=${visit.startDate}`);
      await expectHeading(page, t(locale, 'calendar:title'));
      const marker = page.getByTestId('calendar').getByText(t(locale, 'calendar:conflicts.marker'), { exact: false }).first();
      await marker.waitFor({ timeout: 20_000 });
      await waitForText(page.locator('main'), `${mayor.name} — ${t(locale, 'calendar:conflicts.kinds.overlap')}`);
      // The month and the weekdays in the UI language: Chromium has no Georgian Intl data, so
      // Georgian comes from the app's own names ("დეკემბერი 2026", not "2026 M12").
      const heading = await page.getByTestId('calendar').getByRole('heading', { level: 2 }).innerText();
      const weekdays = await page.getByTestId('calendar').getByRole('columnheader').allInnerTexts();
      if (locale === 'ka') {
        expect(heading).toBe(formatGeorgianDate(visit.startDate, 'MMMM YYYY'));
        expect(weekdays.join(' ')).toContain('ორშ');
      } else {
        expect(heading).toContain(visit.startDate.slice(0, 4));
        expect(heading).not.toMatch(/\bM\d+\b/);
        expect(weekdays.join(' ')).toContain(locale === 'bg' ? 'пн' : 'Mon');
      }
      await expectAccessible(page, `calendar month ${locale}`);
      await screenshot(page, `calendar-month-${locale}`);

      await page.goto(`${e.url}/calendar?mode=agenda&person=${mayor.id}&date=${visit.startDate}`);
      await page.getByTestId('calendar').getByText(t(locale, 'calendar:conflicts.marker')).first().waitFor({ timeout: 20_000 });
      await expectAccessible(page, `calendar agenda ${locale}`);
      await screenshot(page, `calendar-agenda-${locale}`);
      expect(jsErrors(page)).toEqual([]);
      await context.close();
    });
  }

  test('clicking an entry opens the visit; subscribing gives a feed address that answers text/calendar', async () => {
    const { context, page } = await newPage(e, 'en', { timezoneId: 'Europe/Sofia' });
    await signInAs(page, e.url, 'en', DEMO.specialist);
    await page.goto(`${e.url}/calendar?date=${visit.startDate}&types=visit`);
    const title = (visit as unknown as { title: { values: Record<string, string> } }).title.values.en;
    await page.getByTestId('calendar').getByText(title).first().click();
    await page.waitForURL(`**/visits/${visit.id}`);

    await page.goto(`${e.url}/calendar`);
    await page.getByRole('button', { name: t('en', 'calendar:subscribe.open') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: t('en', 'calendar:subscribe.create') }).click();
    const input = dialog.getByRole('textbox', { name: t('en', 'calendar:subscribe.url') });
    await waitForText(input, '/api/public/calendar/', { value: true });
    const url = await input.inputValue();
    await expectAccessible(page, 'subscribe dialog');
    await screenshot(page, 'calendar-subscribe-en');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(`visit-${visit.id}@legato`);
    await context.close();
  });
});
