import { describe, expect, it } from 'vitest';
import {
  COMMON_LANGUAGES,
  countryName,
  countryOptions,
  isCountryCode,
  languageName,
  languageOptions,
} from './countries.js';

describe('countryName', () => {
  it('names countries in the interface languages', () => {
    expect(countryName('BG', 'bg')).toBe('България');
    expect(countryName('BG', 'en')).toBe('Bulgaria');
    expect(countryName('GE', 'ka')).toBe('საქართველო');
    expect(countryName('GE', 'bg')).toBe('Грузия');
    expect(countryName('DE', 'ka')).toBe('გერმანია');
  });

  it('accepts region subtags and lower-case codes', () => {
    expect(countryName('bg', 'bg-BG')).toBe('България');
    expect(countryName('ge', 'en-GB')).toBe('Georgia');
  });

  it('falls back to English, then to the code', () => {
    expect(countryName('FR', 'xx')).toBe('France');
    expect(countryName('ZZ', 'bg')).toBe('ZZ');
    expect(countryName('', 'bg')).toBe('');
  });
});

describe('countryOptions', () => {
  it('lists every country, labelled in the locale', () => {
    const bg = countryOptions('bg');
    expect(bg.length).toBeGreaterThan(240);
    expect(bg).toContainEqual({ value: 'BG', label: 'България' });
    expect(countryOptions('ka')).toContainEqual({ value: 'GE', label: 'საქართველო' });
    expect(new Set(bg.map((o) => o.value)).size).toBe(bg.length);
    expect(bg.every((o) => isCountryCode(o.value))).toBe(true);
  });

  it('is sorted by label with the locale collation', () => {
    for (const locale of ['bg', 'ka', 'en']) {
      const labels = countryOptions(locale).map((o) => o.label);
      const collator = new Intl.Collator(locale);
      expect(labels).toEqual([...labels].sort(collator.compare));
    }
    expect(countryOptions('bg')[0]?.label).toMatch(/^А/);
    expect(countryOptions('en')[0]?.label).toMatch(/^A/);
  });
});

describe('isCountryCode', () => {
  it('accepts ISO 3166-1 alpha-2 codes as stored (upper case)', () => {
    expect(isCountryCode('BG')).toBe(true);
    expect(isCountryCode('GE')).toBe(true);
    expect(isCountryCode('XK')).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isCountryCode('ZZ')).toBe(false);
    expect(isCountryCode('bg')).toBe(false);
    expect(isCountryCode('BGR')).toBe(false);
    expect(isCountryCode('100')).toBe(false);
    expect(isCountryCode('')).toBe(false);
  });
});

describe('languages', () => {
  it('has about forty distinct ISO 639-1 codes, the interface languages first', () => {
    expect(COMMON_LANGUAGES.slice(0, 3)).toEqual(['bg', 'ka', 'en']);
    expect(COMMON_LANGUAGES.length).toBe(40);
    expect(new Set(COMMON_LANGUAGES).size).toBe(COMMON_LANGUAGES.length);
    expect(COMMON_LANGUAGES.every((c) => /^[a-z]{2}$/.test(c))).toBe(true);
  });

  it('names languages with Intl.DisplayNames', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('bg', 'bg')).toBe('Български');
    expect(languageName('en', 'bg')).toBe('Английски');
    expect(languageName('ka', 'ka')).toBe('ქართული');
  });

  it('falls back to the code', () => {
    expect(languageName('qq', 'en')).toBe('qq');
    expect(languageName('!!', 'en')).toBe('!!');
    expect(languageName('', 'en')).toBe('');
  });

  it('offers every common language, sorted by label', () => {
    for (const locale of ['bg', 'ka', 'en']) {
      const options = languageOptions(locale);
      expect(options.map((o) => o.value).sort()).toEqual([...COMMON_LANGUAGES].sort());
      const labels = options.map((o) => o.label);
      expect(labels).toEqual([...labels].sort(new Intl.Collator(locale).compare));
      expect(options.every((o) => o.label !== o.value)).toBe(true);
    }
    // Georgian labels stay in Mkhedruli: upper-casing them would give Mtavruli.
    expect(languageOptions('ka').every((o) => !/[\u1C90-\u1CBF]/u.test(o.label))).toBe(true);
  });
});
