import type { MultilingualText } from '../../../contracts/common/multilingual.js';

/**
 * A multilingual value in one document language. Like pickText(), it falls back to the
 * original (else any) language, but says so: documents print a stand-in subtly (italic, grey),
 * so the office sees what is still to translate.
 */
export interface Localised {
  text: string;
  missing: boolean;
}

export function localise(text: MultilingualText | null | undefined, lang: string): Localised | null {
  if (!text) return null;
  const own = text.values[lang]?.trim();
  if (own) return { text: own, missing: false };
  const fallback = text.values[text.original]?.trim() || Object.values(text.values).find((v) => v?.trim())?.trim() || '';
  return fallback ? { text: fallback, missing: true } : null;
}

/** A plain string (names, free text) as a Localised value; null when empty. */
export function plain(text: string | null | undefined): Localised | null {
  const value = text?.trim();
  return value ? { text: value, missing: false } : null;
}
