import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Fonts of the generated documents.
 *
 * PDF: full Noto Sans TTFs (Latin, Cyrillic, Greek) and Noto Sans Georgian, the fonts of the
 * web app, embedded and subset by pdfkit. Not `@fontsource/*`: its files are cut by script
 * (the Georgian one has no digits) and characters silently vanish. Georgian runs are put on the
 * Georgian font by `scripts.ts`; Noto Sans Georgian has no italic, so its italic is the upright.
 *
 * DOCX: a Word document names fonts, it does not need to carry them, and the office opens it
 * on Windows/Office where Noto is usually not installed. So Latin and Cyrillic runs are in
 * Arial and Georgian runs in Sylfaen: both ship with every Windows since XP and with Office for
 * Mac, Sylfaen is the Georgian Unicode font Georgian offices use, and LibreOffice maps Arial to
 * the metric-compatible Liberation Sans and finds a Georgian font for Sylfaen by fontconfig.
 * OOXML has no fallback list in rFonts: each run names one font per character-range slot, and
 * Georgian (U+10A0–U+10FF) and Cyrillic fall in the hAnsi slot, so the font goes in ascii, hAnsi
 * and cs alike.
 */

export const PDF_FONT = 'NotoSans';
export const PDF_FONT_GEORGIAN = 'NotoSansGeorgian';

export const DOCX_FONT = 'Arial';
export const DOCX_FONT_GEORGIAN = 'Sylfaen';

const require = createRequire(import.meta.url);

const FILES = {
  'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold.ttf': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'NotoSans-Italic.ttf': '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  'NotoSans-BoldItalic.ttf': '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
  'NotoSansGeorgian-Regular.ttf': '@expo-google-fonts/noto-sans-georgian/400Regular/NotoSansGeorgian_400Regular.ttf',
  'NotoSansGeorgian-Bold.ttf': '@expo-google-fonts/noto-sans-georgian/700Bold/NotoSansGeorgian_700Bold.ttf',
} as const;

export type PdfFontFile = keyof typeof FILES;

/** pdfmake's font table: family → file name in its virtual file system. */
export const PDF_FONT_FAMILIES: Record<string, { normal: PdfFontFile; bold: PdfFontFile; italics: PdfFontFile; bolditalics: PdfFontFile }> = {
  [PDF_FONT]: {
    normal: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italics: 'NotoSans-Italic.ttf',
    bolditalics: 'NotoSans-BoldItalic.ttf',
  },
  [PDF_FONT_GEORGIAN]: {
    normal: 'NotoSansGeorgian-Regular.ttf',
    bold: 'NotoSansGeorgian-Bold.ttf',
    italics: 'NotoSansGeorgian-Regular.ttf',
    bolditalics: 'NotoSansGeorgian-Bold.ttf',
  },
};

let loaded: Map<PdfFontFile, Buffer> | null = null;

/** The font files' bytes, read once from the installed packages. */
export function pdfFontFiles(): Map<PdfFontFile, Buffer> {
  if (!loaded) {
    loaded = new Map((Object.keys(FILES) as PdfFontFile[]).map((name) => [name, readFileSync(require.resolve(FILES[name]))]));
  }
  return loaded;
}
