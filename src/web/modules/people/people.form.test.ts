import { describe, expect, it } from 'vitest';
import { PersonCreateSchema } from '../../../contracts/people';
import { applySuggestion, FORMS_OF_ADDRESS } from './forms-of-address';
import { initialLatinMode, latinFor } from './latin';
import { personFormValues, personPayload } from './people.form';

describe('personPayload', () => {
  it('drops empty rows and texts, and takes the written language as the original of a title', () => {
    const v = personFormValues(null, 'bg');
    v.name = 'Христо Ботев';
    v.nameLatin = 'Hristo Botev';
    v.title.values.en = 'Dr';
    v.phones = [{ label: '', number: '' }, { label: 'mobile', number: '+359 88 123 4567' }];
    v.formOfAddress = { bg: 'Уважаеми господин Кмет', ka: '', en: ' ' };
    const p = personPayload(v);
    expect(p.title).toEqual({ original: 'en', values: { en: 'Dr' } });
    expect(p.position).toBeNull();
    expect(p.phones).toEqual([{ label: 'mobile', number: '+359 88 123 4567' }]);
    expect(p.formOfAddress).toEqual({ bg: 'Уважаеми господин Кмет' });
    expect(PersonCreateSchema.safeParse(p).success).toBe(true);
  });
});

describe('Latin names', () => {
  it('proposes the common form and offers the strict one for Georgian', () => {
    expect(latinFor('წყალტუბო', 'auto')).toBe('Tsqaltubo');
    expect(latinFor('წყალტუბო', 'strict')).toBe("Ts'q'alt'ubo");
    expect(latinFor('Юлия Иванова', 'auto')).toBe('Yulia Ivanova');
  });
  it('knows whether a stored Latin name still follows the name', () => {
    expect(initialLatinMode('მარიკა', 'Marika')).toBe('auto');
    expect(initialLatinMode('მარიკა', "Marik'a")).toBe('strict');
    expect(initialLatinMode('Георги', 'George')).toBe('manual');
    expect(initialLatinMode('Георги', '')).toBe('auto');
  });
});

describe('applySuggestion', () => {
  it('fills empty forms of address and replaces the previous suggestion, never what was typed', () => {
    const ambassador = applySuggestion({ bg: '', ka: '', en: '' }, null, 'ambassador');
    expect(ambassador).toEqual(FORMS_OF_ADDRESS.ambassador);
    const mayor = applySuggestion({ ...ambassador, en: 'Dear Ms Ivanova' }, 'ambassador', 'mayor');
    expect(mayor).toEqual({ bg: 'Уважаеми господин Кмет', ka: 'ბატონო მერო', en: 'Dear Ms Ivanova' });
  });
});
