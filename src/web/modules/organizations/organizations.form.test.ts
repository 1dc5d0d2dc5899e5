import { describe, expect, it } from 'vitest';
import { OrganizationCreateSchema } from '../../../contracts/organizations';
import { emptyAddress, organizationFormValues, organizationPayload, withScheme } from './organizations.form';

describe('organizationPayload', () => {
  it('turns empty texts into null, adds a scheme to the website and drops empty address rows', () => {
    const values = organizationFormValues(null, 'bg');
    values.kind = 'embassy';
    values.name.values.bg = '  Посолство на Германия ';
    values.website = 'www.germany.bg';
    values.addresses = [emptyAddress(), { ...emptyAddress(), city: 'София' }];
    const payload = organizationPayload(values);
    expect(payload).toMatchObject({
      kind: 'embassy',
      name: { original: 'bg', values: { bg: 'Посолство на Германия' } },
      shortName: null,
      email: null,
      website: 'https://www.germany.bg',
      addresses: [{ city: 'София', country: null, label: '', street: '', postcode: '' }],
    });
    expect(OrganizationCreateSchema.safeParse(payload).success).toBe(true);
  });
  it('leaves the original name empty so the contract reports it at name.values.<original>', () => {
    const values = organizationFormValues(null, 'ka');
    values.kind = 'ngo';
    const result = OrganizationCreateSchema.safeParse(organizationPayload(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('name.values.ka');
  });
});

describe('withScheme', () => {
  it('keeps a scheme that is there', () => {
    expect(withScheme('http://ruse.bg')).toBe('http://ruse.bg');
    expect(withScheme(' ruse.bg ')).toBe('https://ruse.bg');
    expect(withScheme('')).toBe('');
  });
});
