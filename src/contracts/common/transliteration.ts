/**
 * Names in Latin letters, and the normal form used by search.
 *
 * Pure functions with no Node or DOM APIs: shared by the browser and the server.
 * The rules (both are public standards):
 * - Bulgarian: the official system of the Transliteration Act (Закон за транслитерацията),
 *   including word-final "ия" → "ia" and the fixed country name България → "Bulgaria".
 * - Georgian: the 2002 national romanisation system; the common form (default) drops the
 *   apostrophes that mark ejectives, the strict form keeps them.
 *
 * The `translitbg` package is deliberately not used: it writes България as "Balgaria", turns
 * ЩАСТЛИВЕЦ into "ShtASTLIVETs", and treats "ия" before any Cyrillic letter as word-final
 * (its word test is /\w/, which is ASCII-only), e.g. Кияшко → "Kiashko".
 */

// ---------------------------------------------------------------------------
// Bulgarian (and other Cyrillic)

/** The official Bulgarian table (lower case). */
const BULGARIAN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
  // Accented forms written as single code points.
  ѝ: 'i', ѐ: 'e',
};

/**
 * Letters of other Cyrillic alphabets, which the Bulgarian system does not cover, so that a
 * Russian, Ukrainian, Belarusian, Serbian or Macedonian name still comes out in Latin letters.
 * Serbian and Macedonian letters follow their own Latin alphabets; the rest follow common
 * passport practice. Shared letters (и, ъ, г …) always follow the Bulgarian table.
 */
const OTHER_CYRILLIC: Readonly<Record<string, string>> = {
  ы: 'y', э: 'e', ё: 'e', ў: 'u',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
  ђ: 'đ', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'ć', џ: 'dž',
  ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

function cyrillicLetter(lower: string): string | undefined {
  return BULGARIAN[lower] ?? OTHER_CYRILLIC[lower];
}

/** A run of Cyrillic letters, with any combining marks (stress accents) attached to them. */
const CYRILLIC_WORD = /[\p{Script=Cyrillic}](?:[\p{Script=Cyrillic}]|\p{M})*/gu;
const COMBINING_MARK = /\p{M}/u;

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Gives a Latin word the letter case of the source word: "Bulgaria", "BULGARIA", "bulgaria". */
function withCaseOf(source: string, latin: string, allCaps: boolean): string {
  if (allCaps) return latin.toUpperCase();
  const first = [...source][0] ?? '';
  return isUpper(first) ? latin.charAt(0).toUpperCase() + latin.slice(1) : latin;
}

function transliterateBulgarianWord(word: string): string {
  const chars = [...word].filter((ch) => !COMBINING_MARK.test(ch));
  const letters = chars.join('');
  const lower = letters.toLowerCase();
  // A word of two or more letters with no lower-case letter is written in capitals.
  const allCaps = chars.length > 1 && !chars.some(isLower);

  if (lower === 'българия') return withCaseOf(letters, 'bulgaria', allCaps);

  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const low = ch.toLowerCase();
    // Word-final "ия" is written "ia".
    if (low === 'и' && i === chars.length - 2 && chars[i + 1]!.toLowerCase() === 'я' && chars.length > 2) {
      const a = isUpper(ch) ? 'I' : 'i';
      const b = allCaps || isUpper(chars[i + 1]!) ? 'A' : 'a';
      out += a + b;
      i++;
      continue;
    }
    const latin = cyrillicLetter(low);
    if (latin === undefined) {
      out += ch;
    } else if (!isUpper(ch)) {
      out += latin;
    } else if (allCaps) {
      out += latin.toUpperCase();
    } else {
      out += latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  }
  return out;
}

/**
 * Transliterates Cyrillic text by the official Bulgarian system. Everything that is not
 * Cyrillic (Latin, Georgian, digits, punctuation, spacing) is kept as it is.
 *
 * transliterateBulgarian('Столична община') === 'Stolichna obshtina'
 * transliterateBulgarian('Република България') === 'Republika Bulgaria'
 * transliterateBulgarian('ЩАСТЛИВЕЦ') === 'SHTASTLIVETS'
 */
export function transliterateBulgarian(text: string): string {
  return text.normalize('NFC').replace(CYRILLIC_WORD, transliterateBulgarianWord);
}

// ---------------------------------------------------------------------------
// Georgian

/** The 2002 national system, strict form; the common form drops the apostrophes. */
const GEORGIAN: Readonly<Record<string, string>> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: "k'",
  ლ: 'l', მ: 'm', ნ: 'n', ო: 'o', პ: "p'", ჟ: 'zh', რ: 'r', ს: 's', ტ: "t'", უ: 'u',
  ფ: 'p', ქ: 'k', ღ: 'gh', ყ: "q'", შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: "ts'", ჭ: "ch'",
  ხ: 'kh', ჯ: 'j', ჰ: 'h',
  // Archaic letters, found in older names and texts.
  ჱ: 'e', ჲ: 'y', ჳ: 'w', ჴ: 'q', ჵ: 'o', ჶ: 'f',
};

/**
 * A run of the letters in the table: Mkhedruli ა–ჶ, and their Mtavruli forms (the "capitals"
 * used in titles, U+1C90…), which map onto Mkhedruli. Other Georgian characters are left alone.
 */
const GEORGIAN_WORD = /[\u10D0-\u10F6\u1C90-\u1CB6]+/gu;
const MTAVRULI_OFFSET = 0x1c90 - 0x10d0;
const LETTER_BEFORE = /[\p{L}\p{M}]$/u;

function mkhedruli(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x1c90 && cp <= 0x1cb6 ? String.fromCodePoint(cp - MTAVRULI_OFFSET) : ch;
}

export interface GeorgianOptions {
  /** Keep the apostrophes that mark ejective consonants (კ პ ტ ყ წ ჭ). Default: false. */
  strict?: boolean;
}

/**
 * Transliterates Georgian text by the 2002 national system. The first Latin letter of each
 * word is capitalised (Georgian itself has no letter case). Everything that is not Georgian
 * is kept as it is.
 *
 * transliterateGeorgian('წყალტუბო') === 'Tsqaltubo'
 * transliterateGeorgian('წყალტუბო', { strict: true }) === "Ts'q'alt'ubo"
 */
export function transliterateGeorgian(text: string, opts: GeorgianOptions = {}): string {
  const strict = opts.strict ?? false;
  return text.replace(GEORGIAN_WORD, (word: string, offset: number, whole: string) => {
    let out = '';
    for (const ch of word) {
      const base = mkhedruli(ch);
      const latin = GEORGIAN[base]!;
      out += strict ? latin : latin.replace(/'/g, '');
    }
    // A word starts here unless a letter directly precedes the run.
    const startsWord = !LETTER_BEFORE.test(whole.slice(Math.max(0, offset - 2), offset));
    return startsWord ? out.charAt(0).toUpperCase() + out.slice(1) : out;
  });
}

// ---------------------------------------------------------------------------
// Script detection and proposals

export type Script = 'cyrillic' | 'georgian' | 'latin' | 'other';

/**
 * The script most of the letters of `text` are written in; 'other' when it has no letters.
 * On a tie, Cyrillic wins over Georgian, Georgian over Latin.
 */
export function detectScript(text: string): Script {
  const counts = { cyrillic: 0, georgian: 0, latin: 0, other: 0 };
  for (const ch of text) {
    if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyrillic++;
    else if (/\p{Script=Georgian}/u.test(ch)) counts.georgian++;
    else if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{L}/u.test(ch)) counts.other++;
  }
  let best: Script = 'other';
  let max = 0;
  for (const script of ['cyrillic', 'georgian', 'latin', 'other'] as const) {
    if (counts[script] > max) {
      best = script;
      max = counts[script];
    }
  }
  return best;
}

/**
 * The Latin spelling to offer for a name: Cyrillic by the Bulgarian system, Georgian by the
 * common form of the Georgian system, Latin as it is. In mixed text each run is transliterated
 * by its own script; digits and punctuation are kept. It is only a proposal: people keep their
 * own established spellings.
 */
export function proposeLatin(text: string): string {
  return transliterateGeorgian(transliterateBulgarian(text));
}

// ---------------------------------------------------------------------------
// Search normal form

/** Latin letters that Unicode decomposition does not take apart. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
  ŀ: 'l', ĸ: 'k', ŋ: 'n',
};
const LATIN_SPECIAL_RE = new RegExp(`[${Object.keys(LATIN_SPECIAL).join('')}]`, 'gu');
/** Apostrophes vanish rather than split words: "Ts'q'alt'ubo" folds like "Tsqaltubo". */
const APOSTROPHES = /['’‘ʼʻ`´]/gu;

/**
 * The normal form used for cross-script, typo-tolerant search: Cyrillic and Georgian
 * transliterated to plain Latin without apostrophes, lower case, Latin diacritics removed,
 * punctuation turned into spaces, whitespace collapsed and trimmed.
 *
 * searchFold('ზუგდიდი') === searchFold('Zugdidi') === 'zugdidi'
 * searchFold('Zürich') === 'zurich'
 */
export function searchFold(text: string): string {
  return proposeLatin(text.normalize('NFKC'))
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LATIN_SPECIAL_RE, (ch) => LATIN_SPECIAL[ch]!)
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
