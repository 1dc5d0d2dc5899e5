/**
 * The shared components' texts are the "ui" namespace (ui/locales/{bg,ka,en}.json), loaded by
 * lib/i18n.ts with the other namespaces. Components import this module so that i18next is
 * initialised wherever they are used, including in isolation.
 */
import '../lib/i18n';

export const UI_NS = 'ui';
