import { describe, expect, it } from 'vitest';
import { calendarFormats, georgianCalendarFormats, georgianTime, georgianTitle, georgianWeekday } from './calendar.formats';

/** FullCalendar's wall-clock reading of a date (month from 0). */
const at = (date: string, time = '00:00') => {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year, month: month - 1, day, hour, minute };
};
const range = (start: string, end: string) => ({ date: at(start), start: at(start), end: at(end, '23:59') });

describe('Georgian calendar texts', () => {
  it('titles a month, a week within a month or across months and years, and a day', () => {
    expect(georgianTitle(range('2026-12-01', '2026-12-31'))).toBe('დეკემბერი 2026');
    expect(georgianTitle(range('2026-12-07', '2026-12-13'))).toBe('7 – 13 დეკემბერი 2026');
    expect(georgianTitle(range('2026-11-30', '2026-12-06'))).toBe('30 ნოე – 6 დეკ 2026');
    expect(georgianTitle(range('2026-12-28', '2027-01-03'))).toBe('28 დეკ 2026 – 3 იან 2027');
    expect(georgianTitle(range('2026-12-07', '2026-12-07'))).toBe('7 დეკემბერი 2026');
  });

  it('writes weekdays and 24-hour times', () => {
    expect([0, 1, 6].map((d) => georgianWeekday(d))).toEqual(['კვი', 'ორშ', 'შაბ']);
    expect(georgianWeekday(1, true)).toBe('ორშაბათი');
    expect(georgianTime({ date: at('2026-12-07', '09:05'), start: at('2026-12-07', '09:05'), end: at('2026-12-07', '16:30') })).toBe('09:05 – 16:30');
  });

  it('day headers follow the view: a weekday in the month, with the day in a week', () => {
    const views = georgianCalendarFormats().views as Record<string, { dayHeaderFormat: (arg: unknown) => string }>;
    const monday = { date: at('2026-12-07'), start: at('2026-12-07') };
    expect(views.dayGridMonth.dayHeaderFormat(monday)).toBe('ორშ');
    expect(views.timeGridWeek.dayHeaderFormat(monday)).toBe('ორშ 7');
    expect(views.timeGridDay.dayHeaderFormat(monday)).toBe('ორშაბათი 7');
  });

  it('leaves Bulgarian and English to FullCalendar’s locales', () => {
    expect(calendarFormats('bg')).toEqual({});
    expect(calendarFormats('en')).toEqual({});
  });
});
