/**
 * Script-aware text runs. No single font we ship covers Latin, Cyrillic and Georgian at once
 * (Noto Sans has no Georgian; Noto Sans Georgian has Latin but no Cyrillic), so text is cut
 * into runs and every Georgian run is set in the Georgian font. Spaces, digits and punctuation
 * stay in the run they are in, so a Georgian phrase is one run, not one run per word.
 */

export type Script = 'georgian' | 'other';

export interface ScriptRun {
  text: string;
  script: Script;
}

/** Georgian letters: Asomtavruli and Mkhedruli, Mtavruli capitals, Nuskhuri. */
const GEORGIAN = /[\u10A0-\u10FF\u1C90-\u1CBF\u2D00-\u2D2F]/;

/**
 * Characters both fonts have and that belong to no script: they join the run around them.
 * Only what Noto Sans Georgian really has (ASCII, general punctuation, guillemets, №), so a
 * neutral character never lands on a font without its glyph.
 */
const NEUTRAL = /[\s\u0021-\u0040\u005B-\u0060\u007B-\u007E\u00A0\u00AB\u00BB\u2010-\u2027\u2030-\u203A\u2116]/;

export function scriptOf(char: string): Script | null {
  if (GEORGIAN.test(char)) return 'georgian';
  if (NEUTRAL.test(char)) return null;
  return 'other';
}

export function hasGeorgian(text: string): boolean {
  return GEORGIAN.test(text);
}

/** Cuts text into runs of one script each; joining the runs' text gives the input back. */
export function splitByScript(text: string): ScriptRun[] {
  if (!hasGeorgian(text)) return text === '' ? [] : [{ text, script: 'other' }];
  const runs: ScriptRun[] = [];
  let pending = ''; // neutral characters before the first letter
  for (const char of text) {
    const script = scriptOf(char);
    const last = runs[runs.length - 1];
    if (script === null) {
      if (last) last.text += char;
      else pending += char;
    } else if (last && last.script === script) {
      last.text += char;
    } else {
      runs.push({ text: pending + char, script });
      pending = '';
    }
  }
  if (pending) runs.push({ text: pending, script: 'other' });
  return runs;
}
