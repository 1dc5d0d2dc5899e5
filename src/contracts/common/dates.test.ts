import { describe, expect, it } from 'vitest';
import { addDays, zonedInstant } from './dates.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedInstant', () => {
  it('finds the instant of a wall-clock time in zones east and west of UTC', () => {
    expect(iso(zonedInstant('2027-05-10T11:00', 'Asia/Tbilisi'))).toBe('2027-05-10T07:00:00.000Z');
    expect(iso(zonedInstant('2027-01-10T11:00', 'Europe/Sofia'))).toBe('2027-01-10T09:00:00.000Z');
    expect(iso(zonedInstant('2027-07-10T11:00', 'Europe/Sofia'))).toBe('2027-07-10T08:00:00.000Z');
    expect(iso(zonedInstant('2027-07-10T23:30', 'America/New_York'))).toBe('2027-07-11T03:30:00.000Z');
    expect(iso(zonedInstant('2027-03-10T09:00', 'Australia/Lord_Howe'))).toBe('2027-03-09T22:00:00.000Z');
  });

  it('is exact on the days a zone changes its offset, before and after the change', () => {
    // Sofia: 2027-03-28 03:00 EET → 04:00 EEST (01:00 UTC); 2027-10-31 04:00 EEST → 03:00 EET.
    expect(iso(zonedInstant('2027-03-28T02:30', 'Europe/Sofia'))).toBe('2027-03-28T00:30:00.000Z');
    expect(iso(zonedInstant('2027-03-28T05:00', 'Europe/Sofia'))).toBe('2027-03-28T02:00:00.000Z');
    expect(iso(zonedInstant('2027-10-31T02:00', 'Europe/Sofia'))).toBe('2027-10-30T23:00:00.000Z');
    expect(iso(zonedInstant('2027-10-31T05:00', 'Europe/Sofia'))).toBe('2027-10-31T03:00:00.000Z');
    // New York changes at 02:00 local (07:00 UTC), in the middle of the UTC day.
    expect(iso(zonedInstant('2027-03-14T01:00', 'America/New_York'))).toBe('2027-03-14T06:00:00.000Z');
    expect(iso(zonedInstant('2027-03-14T12:00', 'America/New_York'))).toBe('2027-03-14T16:00:00.000Z');
    // Lord Howe moves by half an hour.
    expect(iso(zonedInstant('2027-04-04T01:00', 'Australia/Lord_Howe'))).toBe('2027-04-03T14:00:00.000Z');
    expect(iso(zonedInstant('2027-04-04T03:00', 'Australia/Lord_Howe'))).toBe('2027-04-03T16:30:00.000Z');
  });

  it('agrees with the zone for every hour of a year (the per-day offsets cached)', () => {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    for (let day = '2027-01-01'; day < '2028-01-01'; day = addDays(day, 1)) {
      for (const hh of ['00', '06', '07', '12', '23']) {
        const ms = zonedInstant(`${day}T${hh}:15`, 'America/New_York');
        // Skipped hour in spring (02:xx) does not occur at these hours; each must read back the same.
        expect(f.format(new Date(ms)).replace(', ', 'T')).toBe(`${day}T${hh}:15`);
      }
    }
  });
});
