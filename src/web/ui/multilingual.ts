import type { MultilingualText } from '../../contracts/common/multilingual';

/** A MultilingualText without empty translations, or null when nothing is written at all. */
export function cleanMultilingual(value: MultilingualText | null | undefined): MultilingualText | null {
  if (!value) return null;
  const values: Record<string, string> = {};
  for (const [code, text] of Object.entries(value.values)) if (text.trim()) values[code] = text.trim();
  if (Object.keys(values).length === 0) return null;
  return { original: value.original, values };
}

/** A value for the form: the interface languages present (empty) so each has its input. */
export function formMultilingual(value: { original: string; values: Record<string, string> } | null | undefined, fallbackOriginal: string): MultilingualText {
  const values: Record<string, string> = { bg: '', ka: '', en: '' };
  if (value) Object.assign(values, value.values);
  return { original: value?.original ?? fallbackOriginal, values };
}
