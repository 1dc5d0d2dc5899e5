import type { PRECEDENCE_CATEGORIES } from '../../../contracts/people';

type Category = (typeof PRECEDENCE_CATEGORIES)[number];

/**
 * Suggested forms of address by precedence category, in each language at once (a letter to an
 * ambassador is written in several languages whatever the UI language): protocol content, so
 * data, not UI text. The Bulgarian and Georgian forms are the masculine ones; staff edit them
 * for a woman (Уважаема госпожо …, ქალბატონო …).
 */
export const FORMS_OF_ADDRESS: Partial<Record<Category, Record<'bg' | 'ka' | 'en', string>>> = {
  head_of_state: { en: 'Your Excellency', bg: 'Ваше Превъзходителство', ka: 'თქვენო აღმატებულებავ' },
  head_of_government: { en: 'Your Excellency', bg: 'Ваше Превъзходителство', ka: 'თქვენო აღმატებულებავ' },
  minister: { en: 'Dear Minister', bg: 'Уважаеми господин Министър', ka: 'ბატონო მინისტრო' },
  ambassador: { en: 'Your Excellency', bg: 'Ваше Превъзходителство', ka: 'თქვენო აღმატებულებავ' },
  head_of_international_organization: { en: 'Your Excellency', bg: 'Ваше Превъзходителство', ka: 'თქვენო აღმატებულებავ' },
  member_of_parliament: { en: 'Dear Member of Parliament', bg: 'Уважаеми господин Народен представител', ka: 'ბატონო დეპუტატო' },
  deputy_minister: { en: 'Dear Deputy Minister', bg: 'Уважаеми господин Заместник-министър', ka: 'ბატონო მინისტრის მოადგილევ' },
  mayor: { en: 'Dear Mayor', bg: 'Уважаеми господин Кмет', ka: 'ბატონო მერო' },
  deputy_mayor: { en: 'Dear Deputy Mayor', bg: 'Уважаеми господин Заместник-кмет', ka: 'ბატონო მერის მოადგილევ' },
  council_chair: { en: 'Dear Chair of the Council', bg: 'Уважаеми господин Председател на Общинския съвет', ka: 'ბატონო საკრებულოს თავმჯდომარევ' },
  consul: { en: 'Dear Consul', bg: 'Уважаеми господин Консул', ka: 'ბატონო კონსულო' },
  chargé_d_affaires: { en: "Dear Chargé d'Affaires", bg: 'Уважаеми господин Временно управляващ', ka: 'ბატონო დროებით რწმუნებულო' },
};

export function suggestedFormsOfAddress(category: string | null | undefined): Record<string, string> | null {
  return (category && FORMS_OF_ADDRESS[category as Category]) || null;
}

/** Fills empty forms of address (or ones still equal to the old category's) from the new category. */
export function applySuggestion(current: Record<string, string>, oldCategory: string | null, newCategory: string | null): Record<string, string> {
  const oldS = suggestedFormsOfAddress(oldCategory) ?? {};
  const newS = suggestedFormsOfAddress(newCategory);
  const next = { ...current };
  for (const code of ['bg', 'ka', 'en']) {
    const cur = (current[code] ?? '').trim();
    const untouched = cur === '' || cur === (oldS as Record<string, string>)[code];
    if (untouched) next[code] = newS?.[code as 'bg'] ?? '';
  }
  return next;
}
