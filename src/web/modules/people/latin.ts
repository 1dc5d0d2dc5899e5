import { proposeLatin, transliterateBulgarian, transliterateGeorgian } from '../../../contracts/common/transliteration';

/** How the Latin name follows the name: proposed (common form), proposed strict, or typed. */
export type LatinMode = 'auto' | 'strict' | 'manual';

export const latinFor = (name: string, mode: LatinMode): string =>
  (mode === 'strict' ? transliterateGeorgian(transliterateBulgarian(name), { strict: true }) : proposeLatin(name)).trim();

/** The mode that reproduces a stored Latin name, or manual when it was typed by hand. */
export function initialLatinMode(name: string, nameLatin: string): LatinMode {
  if (!nameLatin || nameLatin === latinFor(name, 'auto')) return 'auto';
  if (nameLatin === latinFor(name, 'strict')) return 'strict';
  return 'manual';
}
