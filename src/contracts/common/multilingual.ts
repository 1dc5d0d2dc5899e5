import { z } from 'zod';
import { LanguageCodeSchema, type LanguageCode } from './languages.js';

/**
 * A name or title that exists in several languages: one original and any translations.
 * Stored as JSON: { original: 'bg', values: { bg: 'Община Русе', en: 'Ruse Municipality' } }.
 */
export const MultilingualTextSchema = z
  .object({
    original: LanguageCodeSchema.describe('Language in which the text was first written'),
    values: z
      .record(LanguageCodeSchema, z.string().trim().max(500))
      .describe('The text in each language, keyed by ISO 639-1 code'),
  })
  .superRefine((value, ctx) => {
    const original = value.values[value.original];
    if (!original || original.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['values', value.original], message: 'required' });
    }
  })
  .meta({ id: 'MultilingualText' });
export type MultilingualText = z.infer<typeof MultilingualTextSchema>;

export const OptionalMultilingualTextSchema = z
  .object({
    original: LanguageCodeSchema,
    values: z.record(LanguageCodeSchema, z.string().trim().max(500)),
  })
  .nullable()
  .meta({ id: 'OptionalMultilingualText' });

/** The text to show in a language: that language if present, else the original, else any. */
export function pickText(text: { original: LanguageCode; values: Record<string, string> } | null | undefined, lang: string): string {
  if (!text) return '';
  const values = text.values ?? {};
  return values[lang]?.trim() || values[text.original]?.trim() || Object.values(values).find((v) => v?.trim()) || '';
}

export function mlText(original: LanguageCode, values: Record<string, string>): MultilingualText {
  return { original, values };
}
