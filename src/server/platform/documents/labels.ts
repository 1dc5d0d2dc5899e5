import type { DocumentLanguage } from './dates.js';

/** Words every generated document uses, in each document language. */

export const PAGE_OF: Record<DocumentLanguage, (page: number, pages: number) => string> = {
  bg: (page, pages) => `Страница ${page} от ${pages}`,
  ka: (page, pages) => `გვერდი ${page} / ${pages}`,
  en: (page, pages) => `Page ${page} of ${pages}`,
};

/** The words around the page fields of a DOCX footer (Word fills in the numbers). */
export const PAGE_OF_PARTS: Record<DocumentLanguage, [before: string, between: string, after: string]> = {
  bg: ['Страница ', ' от ', ''],
  ka: ['გვერდი ', ' / ', ''],
  en: ['Page ', ' of ', ''],
};

/** A language's name in itself, for column headings of bilingual documents. */
export const LANGUAGE_NAME: Record<DocumentLanguage, string> = {
  bg: 'Български',
  ka: 'ქართული',
  en: 'English',
};

/** BCP 47 tags for Word's proofing language and the PDF's /Lang. */
export const LANGUAGE_TAG: Record<DocumentLanguage, string> = {
  bg: 'bg-BG',
  ka: 'ka-GE',
  en: 'en-GB',
};
