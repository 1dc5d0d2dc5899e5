import type { ReactNode } from 'react';

/**
 * A stored value as short readable text, for history entries and conflict comparisons:
 * multilingual text as "bg: …; en: …", lists joined, yes/no for booleans, a dash for nothing.
 */
export function plainValue(value: unknown, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => plainValue(v, yesNo)).filter((p) => p !== '—');
    return parts.length ? parts.join(', ') : '—';
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('values' in obj && 'original' in obj && obj.values && typeof obj.values === 'object') {
      const entries = Object.entries(obj.values as Record<string, string>).filter(([, v]) => v?.trim());
      return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join('; ') : '—';
    }
    const parts = Object.values(obj)
      .map((v) => plainValue(v, yesNo))
      .filter((p) => p !== '—');
    return parts.length ? parts.join(' · ') : '—';
  }
  return String(value);
}

/** Long text is cut for tables; the full text stays in the title tooltip. */
export function Clipped({ text, max = 160 }: { text: string; max?: number }): ReactNode {
  if (text.length <= max) return text;
  return <span title={text}>{text.slice(0, max - 1)}…</span>;
}
