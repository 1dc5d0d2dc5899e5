import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../../contracts/common/locales.js';

/** Every UI text exists in bg, ka and en: a missing key in any language fails here. */
const WEB = path.resolve(__dirname, '..');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

function namespaces(): Map<string, string> {
  const found = new Map<string, string>([
    ['app', path.join(WEB, 'app/locales')],
    ['ui', path.join(WEB, 'ui/locales')],
  ]);
  for (const m of fs.readdirSync(path.join(WEB, 'modules'))) {
    const dir = path.join(WEB, 'modules', m, 'locales');
    if (fs.existsSync(dir)) found.set(m, dir);
  }
  return found;
}

const catalogs = new Map<string, Record<string, Record<string, string>>>();
for (const [ns, dir] of namespaces()) {
  const byLang: Record<string, Record<string, string>> = {};
  for (const lang of UI_LOCALES) {
    const file = path.join(dir, `${lang}.json`);
    byLang[lang] = fs.existsSync(file) ? flatten(JSON.parse(fs.readFileSync(file, 'utf8'))) : {};
  }
  catalogs.set(ns, byLang);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(tsx?|ts)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const PLURALS = ['_zero', '_one', '_two', '_few', '_many', '_other'];
const has = (cat: Record<string, string>, key: string) => key in cat || PLURALS.some((s) => `${key}${s}` in cat);

describe('translations', () => {
  it('has the same keys, none empty, in every language of every namespace', () => {
    expect(catalogs.size).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const [ns, byLang] of catalogs) {
      const all = new Set(UI_LOCALES.flatMap((l) => Object.keys(byLang[l])));
      for (const key of all) {
        for (const lang of UI_LOCALES) {
          const value = byLang[lang][key];
          if (value === undefined) problems.push(`${lang}: missing ${ns}:${key}`);
          else if (!value.trim()) problems.push(`${lang}: empty ${ns}:${key}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every key that the code asks for', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(WEB)) {
      const text = fs.readFileSync(file, 'utf8');
      const nsMatch = text.match(/useTranslation\(\s*(?:\[\s*)?['"]([\w-]+)['"]/);
      const defaultNs = nsMatch?.[1] ?? 'app';
      const calls = [...text.matchAll(/\bt\(\s*'([^'$`{}]+)'/g), ...text.matchAll(/\bt\(\s*"([^"$`{}]+)"/g), ...text.matchAll(/i18nKey=["']([^"']+)["']/g)];
      for (const [, raw] of calls) {
        const [ns, key] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [defaultNs, raw];
        const cat = catalogs.get(ns);
        checked += 1;
        if (!cat) {
          missing.push(`${path.relative(WEB, file)}: namespace ${ns} (key ${key})`);
          continue;
        }
        for (const lang of UI_LOCALES) if (!has(cat[lang], key)) missing.push(`${path.relative(WEB, file)}: ${lang} ${ns}:${key}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
