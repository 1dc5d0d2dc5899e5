import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './fixtures.js';

/**
 * The web app's own UI texts (src/web/{app,ui}/locales and src/web/modules/<ns>/locales), so the
 * specs find buttons and headings by what a user reads in each language. Keys are written as in
 * the app: `t('ka', 'organizations:list.new')`, with {{name}} interpolation and _one/_other plurals.
 */
type Tree = { [key: string]: string | Tree };

const root = path.resolve('src/web');
const namespaces: Record<string, string> = { app: 'app/locales', ui: 'ui/locales' };
for (const dir of fs.readdirSync(path.join(root, 'modules'))) {
  if (fs.existsSync(path.join(root, 'modules', dir, 'locales'))) namespaces[dir] = `modules/${dir}/locales`;
}

const cache = new Map<string, Tree>();
function bundle(locale: Locale, ns: string): Tree {
  const key = `${locale}:${ns}`;
  let tree = cache.get(key);
  if (!tree) {
    const dir = namespaces[ns];
    if (!dir) throw new Error(`No locale namespace "${ns}"`);
    tree = JSON.parse(fs.readFileSync(path.join(root, dir, `${locale}.json`), 'utf8')) as Tree;
    cache.set(key, tree);
  }
  return tree;
}

function lookup(tree: Tree, dotted: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of dotted.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const [ns, dotted] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['app', key];
  const tree = bundle(locale, ns);
  let text = lookup(tree, dotted);
  if (text === undefined && typeof params.count === 'number') {
    const form = new Intl.PluralRules(locale).select(params.count);
    text = lookup(tree, `${dotted}_${form}`) ?? lookup(tree, `${dotted}_other`);
  }
  if (text === undefined) throw new Error(`Missing UI text ${locale}:${key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in params ? String(params[name]) : `{{${name}}}`));
}

/** The same, bound to one language: `const tr = texts('ka'); tr('app:nav.people')`. */
export const texts = (locale: Locale) => (key: string, params?: Record<string, string | number>) => t(locale, key, params);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A RegExp matching the text exactly (for getByRole names that must not match longer ones). */
export const exactly = (text: string) => new RegExp(`^\\s*${escape(text)}\\s*$`);

/** A RegExp for a label that starts with the text ("Password *" but not "Repeat the password"). */
export const startsWith = (text: string) => new RegExp(`^\\s*${escape(text)}`);
